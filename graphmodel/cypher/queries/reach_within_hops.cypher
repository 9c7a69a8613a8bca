// @name reach_within_hops
// @zh 某单位（或委员会、党组织、街道、社会组织）在 N 步之内能联系到的社区
// @en The communities a unit (or committee, party organization, street, social organization) reaches within N hops of working ties
// @param ref: string = 建国门街道市级下沉单位01 -- the id, or the name, of a unit, committee, party organization, street or social organization
// @param hops: int = 3 -- the most hops; at most 10 (a unit's own paired community is 3 hops away: unit - its branch - the community's organization - the community)
// @param as_of: date = 2023-06-30 -- dated ties (pairings, memberships, reports) count only while in force on this date
// @returns community_id, community_name, street_name, hops -- the communities within reach, nearest first
// @note Hops are counted on the co-governance network of graphmodel.analysis.network (ties PAIRED_WITH, MEMBER_OF, CONVENED_BY, COVERS, SERVES, REPORTS_TO, LEADS, BELONGS_TO in either direction, a dated tie only while in force, through actors only: a party organization and its unit are two nodes one hop apart, unlike graphmodel reach, which merges them). Cypher 5 cannot take a parameter as the bound of a variable-length pattern, so the shortest path is searched up to the fixed bound 10 and kept when its length is at most $hops. It uses shortestPath(), which every Neo4j 5 has, rather than SHORTEST 1 with a quantified path (5.21+, several times faster on the seed).
// @agrees networkx single_source_shortest_path_length on graphmodel.analysis.network.cogovernance_graph
MATCH (start)
WHERE (start:MemberUnit OR start:Committee OR start:PartyOrg OR start:Street OR start:SocialOrg OR start:Community)
  AND (start.id = $ref OR start.name = $ref)
MATCH (c:Community)
WHERE c <> start
MATCH p = shortestPath((start)-[:PAIRED_WITH|MEMBER_OF|CONVENED_BY|COVERS|SERVES|REPORTS_TO|LEADS|BELONGS_TO*..10]-(c))
WHERE all(r IN relationships(p) WHERE coalesce(r.since, '') <= $as_of AND (r.until IS NULL OR $as_of < r.until))
  AND all(x IN nodes(p) WHERE x:Street OR x:Community OR x:PartyOrg OR x:MemberUnit OR x:SocialOrg OR x:Committee)
WITH c, length(p) AS hops
WHERE hops <= $hops
OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
RETURN c.id AS community_id, c.name AS community_name, coalesce(s.name, '') AS street_name, hops
ORDER BY hops, community_name, community_id
