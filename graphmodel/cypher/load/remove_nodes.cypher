// Nodes a load removes (no ledger names them any more), with their relationships.
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
DETACH DELETE n
