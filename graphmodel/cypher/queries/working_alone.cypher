// @name working_alone
// @zh 各自作战的单位：在某日，单位的党组织没有有效结对，单位及其党组织也没有有效的协调委员会成员身份
// @en Units working alone (各自作战): on a date, none of the party organizations they own has a pairing in force, and neither the unit nor those organizations has a committee membership in force (the gap rule working_alone, reason no_ties)
// @param as_of: date = 2023-06-30 -- in force means since <= as_of < until (no since: always; no until: open-ended)
// @returns unit_id, unit_name, sector, level, street_name
// @note A unit's party organizations are those it owns (graphview.party_owners): a joint branch (联合党支部) of several units, or of a unit and a community, is none of theirs. The rule's other reason, resources_unused (ties, but none of its resources used in the period), needs the three lists and is left to graphmodel gaps.
// @agrees graphmodel.analysis.gaps rule working_alone (reason no_ties)
MATCH (u:MemberUnit)
WITH u, COLLECT {
  MATCH (org:PartyOrg)-[:BELONGS_TO]->(u)
  WHERE NOT EXISTS { (org)-[:BELONGS_TO]->(x:Street|Community|MemberUnit|SocialOrg) WHERE x <> u }
  RETURN org
} AS orgs
WHERE NOT EXISTS {
  UNWIND orgs AS org
  MATCH (org)-[p:PAIRED_WITH]-()
  WHERE coalesce(p.since, '') <= $as_of AND (p.until IS NULL OR $as_of < p.until)
}
AND NOT EXISTS {
  UNWIND [u] + orgs AS member
  MATCH (member)-[m:MEMBER_OF]->(:Committee)
  WHERE coalesce(m.since, '') <= $as_of AND (m.until IS NULL OR $as_of < m.until)
}
OPTIONAL MATCH (u)-[:LOCATED_IN]->(s:Street)
RETURN u.id AS unit_id, u.name AS unit_name, coalesce(u.sector, '') AS sector,
       coalesce(u.level, '') AS level, coalesce(s.name, '') AS street_name
ORDER BY street_name, unit_name, unit_id
