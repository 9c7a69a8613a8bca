// Benchmark only (bench/neo4j_ingest.py): the naive loader, one auto-commit statement per
// relationship, merged on (start, type, key, end) like cypher/load/merge_relationships.cypher.
// Labels and types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names of graphmodel.schema's closed set; values are $parameters.
MATCH (a:{{start}} {id: $start})
MATCH (b:{{end}} {id: $end})
MERGE (a)-[r:{{type}} {key: $key}]->(b)
SET r += $props
