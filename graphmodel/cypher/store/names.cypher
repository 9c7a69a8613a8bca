// The ids and names of every node of $labels: whether a reference names one, and the
// closest names when it names none (graphmodel.suggest).
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN n.id AS id, n.name AS name
