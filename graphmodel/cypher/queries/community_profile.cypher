// @name community_profile
// @zh 若干社区的概况：所属街道、党组织、有效结对、社区社会组织、有效的双报到，以及覆盖它的协调委员会
// @en A profile of the named communities: street, party organizations, pairings in force, social organizations, reporting (双报到) in force, and the committees covering it
// @param names: list = 站东社区,赵家楼社区,东总布社区 -- community names or ids, comma-separated
// @param as_of: date = 2023-06-30 -- dated ties count while in force on this date (since <= as_of < until)
// @returns community_id, community_name, street_name, party_orgs, pairings, social_orgs, reports, reported_members, committees -- party_orgs counts the party organizations it owns (graphview.party_owners: they BELONG_TO it and to no other Street, Community, MemberUnit or SocialOrg); pairings counts the distinct PAIRED_WITH in force of those; reports the REPORTS_TO in force into it and reported_members the members they record; committees names those that COVER it directly
// @agrees graphmodel.analysis.ties.Ties (party_orgs, active_pairings, serving, reports, covering)
UNWIND $names AS ref
MATCH (c:Community)
WHERE c.id = ref OR c.name = ref
OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
WITH DISTINCT c, s
WITH c, s, COLLECT {
  MATCH (org:PartyOrg)-[:BELONGS_TO]->(c)
  WHERE NOT EXISTS { (org)-[:BELONGS_TO]->(x:Street|Community|MemberUnit|SocialOrg) WHERE x <> c }
  RETURN org
} AS orgs
RETURN c.id AS community_id, c.name AS community_name, coalesce(s.name, '') AS street_name,
       size(orgs) AS party_orgs,
       size(COLLECT {
         UNWIND orgs AS org
         MATCH (org)-[p:PAIRED_WITH]-()
         WHERE coalesce(p.since, '') <= $as_of AND (p.until IS NULL OR $as_of < p.until)
         RETURN DISTINCT p
       }) AS pairings,
       COUNT { (:SocialOrg)-[:SERVES]->(c) } AS social_orgs,
       COUNT {
         MATCH ()-[r:REPORTS_TO]->(c)
         WHERE coalesce(r.since, '') <= $as_of AND (r.until IS NULL OR $as_of < r.until)
       } AS reports,
       reduce(total = 0, m IN [()-[r:REPORTS_TO]->(c)
                               WHERE coalesce(r.since, '') <= $as_of AND (r.until IS NULL OR $as_of < r.until)
                               | coalesce(r.members, 0)] | total + m) AS reported_members,
       [(k:Committee)-[:COVERS]->(c) | k.name] AS committees
ORDER BY community_name, community_id
