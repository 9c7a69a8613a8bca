// The relationships $ledger names, with how many ledgers name each (Store.sources).
MATCH (a)-[r]->(b)
WHERE $ledger IN r.ledgers
RETURN type(r) AS type, a.id AS start, coalesce(r.key, '') AS key, b.id AS end, size(r.ledgers) AS count
