// Relationships a load removes, by (start, type, key, end).
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
UNWIND $rows AS row
MATCH (:{{start}} {id: row.start})-[r:{{type}} {key: row.key}]->(:{{end}} {id: row.end})
DELETE r
