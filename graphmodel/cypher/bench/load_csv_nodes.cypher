// Benchmark only (bench/neo4j_ingest.py): the nodes of one label from a CSV file in the server's
// import directory (columns: id and the label's properties), merged on id in batches of $batch
// rows. Empty fields arrive as null and are not stored; the integer and boolean properties are
// converted (a null stays null); every other value stays a string, as the loader writes them.
// Labels cannot be Cypher parameters: the placeholder in double braces is filled by
// graphmodel.cypher.statement with a label of graphmodel.schema's closed set; values are $parameters.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (n:{{label}} {id: row.id})
  SET n += row {
    .*,
    population: toInteger(row.population),
    households: toInteger(row.households),
    capacity: toInteger(row.capacity),
    generated: toBoolean(row.generated)
  }
} IN TRANSACTIONS OF $batch ROWS
