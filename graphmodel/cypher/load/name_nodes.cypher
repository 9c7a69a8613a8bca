// Add $ledger to ($add) or take it off the ledgers that name each node of $ids (n.ledgers).
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
SET n.ledgers = CASE
  WHEN $add THEN [l IN coalesce(n.ledgers, []) WHERE l <> $ledger] + $ledger
  ELSE [l IN coalesce(n.ledgers, []) WHERE l <> $ledger]
END
