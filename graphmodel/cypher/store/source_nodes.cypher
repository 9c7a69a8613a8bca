// The nodes $ledger names, with how many ledgers name each (Store.sources).
MATCH (n)
WHERE $ledger IN n.ledgers
RETURN n.id AS id, size(n.ledgers) AS count
