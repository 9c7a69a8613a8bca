// @name party_chain
// @zh 某社区的党组织链条：从街道党工委到社区党组织，再到小区党支部、楼栋党小组（台账有记录的部分）
// @en The party chain of a community: from the street working committee down through the community's organization to estates and buildings, as far as the ledger has it
// @param ref: string = 青龙社区 -- the id or the name of a community
// @returns depth, level, id, name, belongs_to, leader -- depth < 0 above the community's organization (-1 is the one that leads it), 0 the community's organization, > 0 below it; leader names the organization that LEADS it, on the chain
// @note LEADS chains are followed up to 10 steps each way (Cypher 5 cannot take the bound as a parameter).
MATCH (c:Community)
WHERE c.id = $ref OR c.name = $ref
MATCH (home:PartyOrg)-[:BELONGS_TO]->(c)
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
OPTIONAL MATCH (org)-[:BELONGS_TO]->(owner)
OPTIONAL MATCH (boss:PartyOrg)-[:LEADS]->(org)
WITH org, depth, head(collect(DISTINCT owner.name)) AS belongs_to, collect(DISTINCT boss.name) AS bosses
RETURN depth, coalesce(org.level, '') AS level, org.id AS id, org.name AS name,
       coalesce(belongs_to, '') AS belongs_to, coalesce(head(bosses), '') AS leader
ORDER BY depth, name, id
