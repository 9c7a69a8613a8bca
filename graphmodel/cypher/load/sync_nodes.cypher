// A load's added and changed nodes of one label (graphmodel.sync): each takes exactly the
// properties of $rows' props (analysis properties the load keeps are among them); the ledgers
// that name it (n.ledgers) are kept.
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
UNWIND $rows AS row
MERGE (n:{{label}} {id: row.id})
WITH n, row, n.ledgers AS ledgers
SET n = row.props
SET n.id = row.id, n.ledgers = ledgers
