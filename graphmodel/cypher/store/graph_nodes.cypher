// Every node for the graph view: id, its one label, its properties.
MATCH (n)
RETURN n.id AS id, head([l IN labels(n) WHERE l IN $labels]) AS label, properties(n) AS props
