// Benchmark only (bench/neo4j_ingest.py): the relationships of one (type, start label, end label)
// from a CSV file in the server's import directory (columns: start, end, key and the properties),
// merged on (start, type, key, end) in batches of $batch rows, like
// cypher/load/merge_relationships.cypher. start and end are not stored (null removes them from
// the map); an empty key is the empty string, as the loader writes it;
// integer and boolean properties are converted.
// Labels and types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names of graphmodel.schema's closed set; values are $parameters.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (a:{{start}} {id: row.start})
  MATCH (b:{{end}} {id: row.end})
  MERGE (a)-[r:{{type}} {key: coalesce(row.key, '')}]->(b)
  SET r += row {
    .*,
    start: null,
    end: null,
    key: coalesce(row.key, ''),
    members: toInteger(row.members),
    generated: toBoolean(row.generated)
  }
} IN TRANSACTIONS OF $batch ROWS
