"""Ledgers (台账): reading CSV folders and .xlsx workbooks, validating them into a
``GraphBatch``, writing the rejected rows back for fixing, and the blank template.

Scripting::

    from graphmodel.ledger import read_ledger, validate

    ledger = read_ledger(["台账.xlsx"])
    result = validate(ledger)
    for problem in result.problems:
        print(problem)
"""

from graphmodel.ledger.problems import Problem
from graphmodel.ledger.read import Ledger, read_ledger
from graphmodel.ledger.validate import RejectedRow, TableCount, Validation, validate

__all__ = [
    "Ledger",
    "Problem",
    "RejectedRow",
    "TableCount",
    "Validation",
    "read_ledger",
    "validate",
]
