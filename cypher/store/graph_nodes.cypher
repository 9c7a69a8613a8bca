// Every node for the graph view: id, its one label, its properties.
MATCH (n)
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS props
