"""The named Cypher query library (``cypher/queries/*.cypher``): parse, list, run, export.

Each query is one ``.cypher`` file whose leading ``//`` comment lines form a header in a fixed
format, one tag per line (a ``//`` line without a tag continues the previous tag)::

    // @name partners                         required, equals the file name without .cypher
    // @zh 社区或单位的结对共建伙伴            required: the purpose in Chinese
    // @en The pairings of a community ...    required: the purpose in English
    // @param ref: string = 站东社区 -- doc    one per parameter: name, type, example, doc
    // @returns org_name, partner_name -- doc  required: the returned columns, then a doc
    // @note ...                              optional: how it counts, its limits
    // @agrees graphmodel.graphview.partners  optional: the embedded answer it agrees with
    // @mode read                             optional: read (default) or write

Parameter types are ``string``, ``int``, ``float``, ``bool``, ``date`` (written as the ledgers
write dates, ``2023-05-01``, ``2023/5/1`` or ``2023年5月1日``, passed as an ISO ``YYYY-MM-DD``
string, as the stores keep dates) and ``list`` (of strings, comma-separated on the command line).
The rest of the file is the statement; it uses ``$name`` for every parameter, so user values
never become query text.

``run_query`` runs a query in a READ transaction after asking the server, with ``EXPLAIN``,
what kind of statement it is: anything but a read-only statement (``query_type`` ``'r'``) is
refused unless the caller passes ``allow_write=True``, which only the project's own write
steps do (the CLI never does).
"""

from graphmodel.queries.export import cypher_literal, export_favorites, favorite_text
from graphmodel.queries.library import (
    PARAM_TYPES,
    QUERY_DIR,
    Param,
    Query,
    QueryError,
    WriteRefused,
    find_query,
    library,
    parse_params,
    parse_query,
)
from graphmodel.queries.run import QueryResult, check_ref, connect, run_query, to_plain

__all__ = [
    "PARAM_TYPES",
    "QUERY_DIR",
    "Param",
    "Query",
    "QueryError",
    "QueryResult",
    "WriteRefused",
    "check_ref",
    "connect",
    "cypher_literal",
    "export_favorites",
    "favorite_text",
    "find_query",
    "library",
    "parse_params",
    "parse_query",
    "run_query",
    "to_plain",
]
