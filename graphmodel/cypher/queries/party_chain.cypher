// @name party_chain
// @zh 某社区的党组织链条：从街道党工委到社区党组织，再到小区党支部、楼栋党小组（台账有记录的部分）
// @en The party chain of a community: from the street working committee down through the community's organization to estates and buildings, as far as the ledger has it
// @param ref: string = 青龙社区 -- the id or the name of a community
// @returns depth, level, id, name, belongs_to, leader -- depth < 0 above the community's organization (-1 is the one that leads it), 0 the community's organizations (those it owns: graphview.party_owners), > 0 below it; belongs_to names the organization's owner (the one Street, Community, MemberUnit or SocialOrg it BELONGS_TO), empty for one that belongs to none of those (a 区委) or to several (a joint branch); leader names the organization that LEADS it, on the chain
// @agrees graphmodel.graphview.party_owners (the community's own organizations at depth 0; belongs_to)
// @note LEADS chains are followed up to 10 steps each way (Cypher 5 cannot take the bound as a parameter).
MATCH (c:Community)
WHERE c.id = $ref OR c.name = $ref
MATCH (home:PartyOrg)-[:BELONGS_TO]->(c)
WHERE NOT EXISTS { (home)-[:BELONGS_TO]->(x:Street|Community|MemberUnit|SocialOrg) WHERE x <> c }
CALL {
  WITH home
  MATCH p = (top:PartyOrg)-[:LEADS*1..10]->(home)
  RETURN top AS org, -length(p) AS depth
  UNION
  WITH home
  RETURN home AS org, 0 AS depth
  UNION
  WITH home
  MATCH p = (home)-[:LEADS*1..10]->(below:PartyOrg)
  RETURN below AS org, length(p) AS depth
}
WITH org, min(depth) AS depth
WITH org, depth, COLLECT {
  MATCH (org)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o
} AS owners
OPTIONAL MATCH (boss:PartyOrg)-[:LEADS]->(org)
WITH org, depth, owners, collect(DISTINCT boss.name) AS bosses
RETURN depth, coalesce(org.level, '') AS level, org.id AS id, org.name AS name,
       CASE WHEN size(owners) = 1 THEN owners[0].name ELSE '' END AS belongs_to,
       coalesce(head(bosses), '') AS leader
ORDER BY depth, name, id
