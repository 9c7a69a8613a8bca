// Benchmark only (bench/neo4j_ingest.py): nodes and relationships in the database (count store),
// checked against the batch after every timed run.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
