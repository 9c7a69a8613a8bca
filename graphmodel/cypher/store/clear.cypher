// Remove every node and relationship, in batches (constraints and indexes are kept).
// Auto-commit only: CALL ... IN TRANSACTIONS cannot run inside a managed transaction.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
