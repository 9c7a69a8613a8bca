// @name dormant_pairings
// @zh 挂名结对：结对在考核期开始前已生效且仍有效，社区有需求记录，但考核期内双方之间没有项目、认领或对接的需求
// @en Pairings on paper only (挂名结对): in force since before the period began and still in force, with a community that has needs recorded, and no project, claimed need or need met with the unit's resource between the two sides in the period (the gap rule dormant_pairing)
// @param as_of: date = 2024-06-30 -- the end of the period; the pairing is in force on this date
// @param period_days: int = 365 -- the period's length in days (Policy.work_period_days)
// @returns community, unit, unit_org, since, street -- one row per pair of organizations; the two sides are told apart as graphmodel.graphview.pairing_sides does (the community side is the organization a community owns; when neither or both are, the ledger's order unit -> community), and each side is its owner (graphview.party_owners) with the party organizations it owns, or the organization itself when it has no owner (a 区委, a joint branch): unit names it then
// @agrees graphmodel.analysis.gaps rule dormant_pairing
WITH $as_of AS day, toString(date($as_of) - duration({days: $period_days})) AS start
MATCH (a:PartyOrg)-[p:PAIRED_WITH]->(b:PartyOrg)
WHERE coalesce(p.since, '') <= start AND (p.until IS NULL OR day < p.until)
WITH day, start, p, a, b,
     COLLECT { MATCH (a)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o } AS a_owners,
     COLLECT { MATCH (b)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o } AS b_owners
WITH day, start, p, a, b, CASE WHEN size(a_owners) = 1 THEN a_owners[0] END AS ao,
     CASE WHEN size(b_owners) = 1 THEN b_owners[0] END AS bo
WITH day, start, p, CASE WHEN ao:Community AND NOT coalesce(bo:Community, false) THEN [b, bo, a, ao]
                         ELSE [a, ao, b, bo] END AS sides
WITH day, start, p, sides[0] AS uo, coalesce(sides[1], sides[0]) AS u, sides[2] AS co, sides[3] AS c
WHERE c:Community
WITH day, start, uo, u, co, c, min(coalesce(p.since, '')) AS since
WITH day, start, uo, u, co, c, since,
     [c] + COLLECT {
       MATCH (o:PartyOrg)-[:BELONGS_TO]->(c)
       WHERE NOT EXISTS { (o)-[:BELONGS_TO]->(x:Street|Community|MemberUnit|SocialOrg) WHERE x <> c }
       RETURN o
     } AS c_side,
     [u] + COLLECT {
       MATCH (o:PartyOrg)-[:BELONGS_TO]->(u)
       WHERE NOT EXISTS { (o)-[:BELONGS_TO]->(x:Street|Community|MemberUnit|SocialOrg) WHERE x <> u }
       RETURN o
     } AS u_side
WHERE EXISTS { (:Need)-[:RAISED_BY]->(x) WHERE x IN c_side }
AND NOT EXISTS {
  MATCH (j:Project)-[:RUN_BY]->(x)
  WHERE x IN u_side
    AND coalesce(j.status, '') <> '储备'
    AND coalesce(j.since, '') <= day AND (j.until IS NULL OR j.until > start)
    AND (EXISTS { (j)-[:TAKES_PLACE_IN]->(c) }
         OR EXISTS { (j)-[:ADDRESSES]->(:Need)-[:RAISED_BY]->(y) WHERE y IN c_side })
}
AND NOT EXISTS {
  MATCH (n:Need)-[:RAISED_BY]->(y)
  WHERE y IN c_side
    AND coalesce(n.status, '') <> '不予受理'
    AND (EXISTS { (n)-[:CLAIMED_BY]->(x) WHERE x IN u_side }
         OR EXISTS { (n)-[:MET_WITH]->(:Resource)-[:OFFERED_BY]->(x) WHERE x IN u_side })
    AND CASE
          WHEN coalesce(n.status, '办理中') IN ['待认领', '办理中'] THEN coalesce(n.raised, '') <= day
          ELSE n.closed IS NULL OR (n.closed <= day AND n.closed > start)
        END
}
OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
RETURN c.name AS community, u.name AS unit, uo.id AS unit_org, since, coalesce(s.name, '') AS street
ORDER BY street, community, unit, unit_org
