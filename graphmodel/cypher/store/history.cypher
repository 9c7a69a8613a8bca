// The load history, oldest first (Store.history).
MATCH (l:GraphmodelLoad)
RETURN l.at AS at, l.ledger AS ledger, l.hash AS hash, l.added AS added,
  l.changed AS changed, l.removed AS removed, l.tables AS tables
ORDER BY l.seq
