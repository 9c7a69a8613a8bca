// AreaStats per street; agrees with graphmodel.graphview.area_stats (read its definitions):
// - communities: Community nodes PART_OF the street;
// - paired_communities: those with an organization that BELONGS_TO them and has a PAIRED_WITH
//   in either direction;
// - pairings: PAIRED_WITH relationships counted at the end's community, or at the start's
//   community when the end organization belongs to no community;
// - committees: distinct nodes that COVER the street or one of its communities;
// - social_orgs: distinct nodes that SERVE one of its communities.
MATCH (s:Street)
OPTIONAL MATCH (s)-[:PART_OF]->(up)
WITH s, coalesce(head(collect(up.id)), '') AS parent
RETURN
  s.id AS id,
  coalesce(s.name, '') AS name,
  parent,
  0 AS streets,
  COUNT { (c:Community)-[:PART_OF]->(s) } AS communities,
  COUNT {
    MATCH (c:Community)-[:PART_OF]->(s)
    WHERE EXISTS { (c)<-[:BELONGS_TO]-()-[:PAIRED_WITH]-() }
  } AS paired_communities,
  COUNT { (c:Community)-[:PART_OF]->(s), (c)<-[:BELONGS_TO]-()<-[:PAIRED_WITH]-() }
  + COUNT {
    MATCH (c:Community)-[:PART_OF]->(s), (c)<-[:BELONGS_TO]-()-[:PAIRED_WITH]->(v)
    WHERE NOT EXISTS { (v)-[:BELONGS_TO]->(:Community) }
  } AS pairings,
  size(COLLECT {
    MATCH (k)-[:COVERS]->(s) RETURN k
    UNION
    MATCH (k)-[:COVERS]->(:Community)-[:PART_OF]->(s) RETURN k
  }) AS committees,
  size(COLLECT { MATCH (o)-[:SERVES]->(:Community)-[:PART_OF]->(s) RETURN DISTINCT o }) AS social_orgs
