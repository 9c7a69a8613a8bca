// @name few_social_orgs
// @zh 社区社会组织数量低于最低标准的社区（社区和村分别设定标准）
// @en Communities served by fewer social organizations than the minimum, set separately for 社区 and 村 (the gap rule few_social_orgs)
// @param min_community: int = 10 -- the minimum for a 社区 (民发〔2017〕191号: 10; 东城区 uses 6)
// @param min_village: int = 5 -- the minimum for a 村
// @returns community_id, community_name, kind, social_orgs, minimum, street_name -- social_orgs counts the distinct social organizations that SERVE it
// @agrees graphmodel.analysis.gaps rule few_social_orgs
MATCH (c:Community)
WITH c, CASE WHEN c.kind = '村' THEN $min_village ELSE $min_community END AS minimum,
     COUNT { (o:SocialOrg)-[:SERVES]->(c) } AS social_orgs
WHERE social_orgs < minimum
OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
RETURN c.id AS community_id, c.name AS community_name, coalesce(c.kind, '') AS kind,
       social_orgs, minimum, coalesce(s.name, '') AS street_name
ORDER BY street_name, community_name, community_id
