// Merge properties into existing nodes of one label (analysis write-back).
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
UNWIND $rows AS row
MATCH (n:{{label}} {id: row.id})
SET n += row.props
