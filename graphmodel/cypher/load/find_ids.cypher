// Which of $ids are nodes of one label (checked before a write, so nothing is written when a
// relationship names a missing node).
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
MATCH (n:{{label}})
WHERE n.id IN $ids
RETURN n.id AS id
