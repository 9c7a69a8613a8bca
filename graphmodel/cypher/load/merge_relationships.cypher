// Merge one batch of relationships of one type whose start and end nodes have known labels,
// so both MATCHes use the id uniqueness constraint; merged on (start, type, key, end).
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
UNWIND $rows AS row
MATCH (a:{{start}} {id: row.start})
MATCH (b:{{end}} {id: row.end})
MERGE (a)-[r:{{type}} {key: row.key}]->(b)
SET r += row.props
