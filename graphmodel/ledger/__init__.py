"""Ledgers (台账): reading CSV folders and .xlsx workbooks, validating them into a
``GraphBatch``, writing the rejected rows back for fixing, and the blank template.

Scripting::

    from graphmodel.ledger import default_rejects_path, read_ledger, validate, write_rejects

    ledger = read_ledger(["台账.xlsx"])
    result = validate(ledger)  # result.batch: the valid rows as a GraphBatch
    for problem in result.problems:
        print(problem)
    write_rejects(result.rejected, default_rejects_path(ledger))
"""

from graphmodel.ledger.problems import Problem
from graphmodel.ledger.read import Ledger, read_ledger
from graphmodel.ledger.rejects import default_rejects_path, write_rejects
from graphmodel.ledger.template import write_template
from graphmodel.ledger.validate import RejectedRow, TableCount, Validation, validate

__all__ = [
    "Ledger",
    "Problem",
    "RejectedRow",
    "TableCount",
    "Validation",
    "default_rejects_path",
    "read_ledger",
    "validate",
    "write_rejects",
    "write_template",
]
