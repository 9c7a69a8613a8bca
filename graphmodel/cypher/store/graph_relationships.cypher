// Every relationship for the graph view: start id, end id, type, properties (key among them).
MATCH (a)-[r]->(b)
RETURN a.id AS start, b.id AS end, type(r) AS type, properties(r) AS props
