// A load's added and changed relationships of one type between nodes of known labels: each
// takes exactly the properties of its row (and keeps its key and the ledgers that name it).
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
UNWIND $rows AS row
MATCH (a:{{start}} {id: row.start})
MATCH (b:{{end}} {id: row.end})
MERGE (a)-[r:{{type}} {key: row.key}]->(b)
WITH r, row, r.ledgers AS ledgers
SET r = row.props
SET r.key = row.key, r.ledgers = ledgers
