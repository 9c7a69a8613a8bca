// Nodes whose label a load changes (graphmodel.sync: a unit re-entered as a social
// organization under the same id): relabelled in place, so that the id stays one node with its
// relationships and the ledgers that name it. Run first in the load's transaction.
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
UNWIND $ids AS id
MATCH (n:{{old}} {id: id})
REMOVE n:{{old}}
SET n:{{new}}
