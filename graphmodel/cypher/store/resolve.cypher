// Candidates for a reference: nodes of the partner labels (Community, MemberUnit, SocialOrg,
// PartyOrg) whose id or name is $ref, each with a context to tell namesakes apart (the name of
// what it is PART_OF, BELONGS_TO or LOCATED_IN). Neo4jStore picks as graphview.resolve does.
CALL () {
  MATCH (n:Community) WHERE n.id = $ref OR n.name = $ref RETURN n
  UNION
  MATCH (n:MemberUnit) WHERE n.id = $ref OR n.name = $ref RETURN n
  UNION
  MATCH (n:SocialOrg) WHERE n.id = $ref OR n.name = $ref RETURN n
  UNION
  MATCH (n:PartyOrg) WHERE n.id = $ref OR n.name = $ref RETURN n
}
OPTIONAL MATCH (n)-[:PART_OF|BELONGS_TO|LOCATED_IN]->(up)
WITH n, head(collect(coalesce(up.name, up.id))) AS context
RETURN n.id AS id, head([l IN labels(n) WHERE l IN $labels]) AS label, n.name AS name, coalesce(context, '') AS context
