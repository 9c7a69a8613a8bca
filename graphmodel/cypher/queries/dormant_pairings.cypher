// @name dormant_pairings
// @zh 挂名结对：结对在考核期开始前已生效且仍有效，社区有需求记录，但考核期内双方之间没有项目、认领或对接的需求
// @en Pairings on paper only (挂名结对): in force since before the period began and still in force, with a community that has needs recorded, and no project, claimed need or need met with the unit's resource between the two sides in the period (the gap rule dormant_pairing)
// @param as_of: date = 2024-06-30 -- the end of the period; the pairing is in force on this date
// @param period_days: int = 365 -- the period's length in days (Policy.work_period_days)
// @returns community, unit, unit_org, since, street
// @agrees graphmodel.analysis.gaps rule dormant_pairing
WITH $as_of AS day, toString(date($as_of) - duration({days: $period_days})) AS start
MATCH (uo:PartyOrg)-[p:PAIRED_WITH]-(co:PartyOrg)-[:BELONGS_TO]->(c:Community)
WHERE coalesce(p.since, '') <= start AND (p.until IS NULL OR day < p.until)
  AND NOT EXISTS { (uo)-[:BELONGS_TO]->(:Community) }
  AND EXISTS { (:Need)-[:RAISED_BY]->(x) WHERE x = c OR (x)-[:BELONGS_TO]->(c) }
OPTIONAL MATCH (uo)-[:BELONGS_TO]->(owner)
WITH DISTINCT day, start, uo, c, coalesce(owner, uo) AS u, p
WITH day, start, uo, c, u, min(coalesce(p.since, '')) AS since
WHERE NOT EXISTS {
  MATCH (j:Project)-[:RUN_BY]->(x)
  WHERE (x = u OR (x)-[:BELONGS_TO]->(u))
    AND coalesce(j.status, '') <> '储备'
    AND coalesce(j.since, '') <= day AND (j.until IS NULL OR j.until > start)
    AND (EXISTS { (j)-[:TAKES_PLACE_IN]->(c) }
         OR EXISTS { (j)-[:ADDRESSES]->(:Need)-[:RAISED_BY]->(y) WHERE y = c OR (y)-[:BELONGS_TO]->(c) })
}
AND NOT EXISTS {
  MATCH (n:Need)-[:RAISED_BY]->(y)
  WHERE (y = c OR (y)-[:BELONGS_TO]->(c))
    AND coalesce(n.status, '') <> '不予受理'
    AND (EXISTS { (n)-[:CLAIMED_BY]->(x) WHERE x = u OR (x)-[:BELONGS_TO]->(u) }
         OR EXISTS { (n)-[:MET_WITH]->(:Resource)-[:OFFERED_BY]->(x) WHERE x = u OR (x)-[:BELONGS_TO]->(u) })
    AND CASE
          WHEN coalesce(n.status, '办理中') IN ['待认领', '办理中'] THEN coalesce(n.raised, '') <= day
          ELSE n.closed IS NULL OR (n.closed <= day AND n.closed > start)
        END
}
OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
RETURN c.name AS community, u.name AS unit, uo.id AS unit_org, since, coalesce(s.name, '') AS street
ORDER BY street, community, unit
