// Merge one batch of nodes of one label on id; a record that exists gets its properties
// updated (+=, properties the record does not carry are kept).
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
UNWIND $rows AS row
MERGE (n:{{label}} {id: row.id})
SET n += row.props
