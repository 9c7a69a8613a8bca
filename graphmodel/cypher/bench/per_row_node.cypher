// Benchmark only (bench/neo4j_ingest.py): the naive loader, one auto-commit statement per node.
// Labels cannot be Cypher parameters: the placeholder in double braces is filled by
// graphmodel.cypher.statement with a label of graphmodel.schema's closed set; values are $parameters.
MERGE (n:{{label}} {id: $id})
SET n += $props
