// Add $ledger to ($add) or take it off the ledgers that name each relationship of $rows.
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
UNWIND $rows AS row
MATCH (:{{start}} {id: row.start})-[r:{{type}} {key: row.key}]->(:{{end}} {id: row.end})
SET r.ledgers = CASE
  WHEN $add THEN [l IN coalesce(r.ledgers, []) WHERE l <> $ledger] + $ledger
  ELSE [l IN coalesce(r.ledgers, []) WHERE l <> $ledger]
END
