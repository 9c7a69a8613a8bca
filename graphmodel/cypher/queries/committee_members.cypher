// @name committee_members
// @zh 某党建工作协调委员会的成员单位，以及它覆盖的社区
// @en A coordination committee's members, and the communities it covers (directly, or through a street it covers)
// @param ref: string = 万寿路地区党建工作协调委员会 -- the id or the name of a committee
// @returns relation, label, id, name, role, since, via -- relation is "member" (a unit, social organization or party organization that is MEMBER_OF it) or "covers" (a community it covers; via names the covered street, empty when the community is covered directly)
MATCH (k:Committee)
WHERE k.id = $ref OR k.name = $ref
MATCH (m)-[r:MEMBER_OF]->(k)
RETURN 'member' AS relation, labels(m)[0] AS label, m.id AS id, m.name AS name,
       coalesce(r.role, '') AS role, coalesce(r.since, '') AS since, '' AS via
ORDER BY label, name, id
UNION ALL
MATCH (k:Committee)
WHERE k.id = $ref OR k.name = $ref
MATCH (k)-[:COVERS]->(area)
MATCH (c:Community)-[:PART_OF*0..1]->(area)
RETURN DISTINCT 'covers' AS relation, 'Community' AS label, c.id AS id, c.name AS name,
       '' AS role, '' AS since, CASE WHEN area:Street THEN area.name ELSE '' END AS via
ORDER BY name, id
