// Every node for the graph view: id, its one label, its properties (n.ledgers, the ledgers
// that name it, is dropped by Neo4jStore). Nodes without a schema label (the load history's
// GraphmodelLoad) are not in the graph.
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN n.id AS id, head([l IN labels(n) WHERE l IN $labels]) AS label, properties(n) AS props
