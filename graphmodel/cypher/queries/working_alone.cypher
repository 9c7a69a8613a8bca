// @name working_alone
// @zh 各自作战的单位：在某日，单位的党组织没有有效结对，单位及其党组织也没有有效的协调委员会成员身份
// @en Units working alone (各自作战): on a date, none of their party organizations has a pairing in force, and neither the unit nor its organizations has a committee membership in force (the gap rule working_alone)
// @param as_of: date = 2023-06-30 -- in force means since <= as_of < until (no since: always; no until: open-ended)
// @returns unit_id, unit_name, sector, level, street_name
// @agrees graphmodel.analysis.gaps rule working_alone
MATCH (u:MemberUnit)
WHERE NOT EXISTS {
  MATCH (org:PartyOrg)-[:BELONGS_TO]->(u)
  MATCH (org)-[p:PAIRED_WITH]-(:PartyOrg)
  WHERE coalesce(p.since, '') <= $as_of AND (p.until IS NULL OR $as_of < p.until)
}
AND NOT EXISTS {
  MATCH (member)-[:BELONGS_TO*0..1]->(u)
  WHERE member = u OR member:PartyOrg
  MATCH (member)-[m:MEMBER_OF]->(:Committee)
  WHERE coalesce(m.since, '') <= $as_of AND (m.until IS NULL OR $as_of < m.until)
}
OPTIONAL MATCH (u)-[:LOCATED_IN]->(s:Street)
RETURN u.id AS unit_id, u.name AS unit_name, coalesce(u.sector, '') AS sector,
       coalesce(u.level, '') AS level, coalesce(s.name, '') AS street_name
ORDER BY street_name, unit_name, unit_id
