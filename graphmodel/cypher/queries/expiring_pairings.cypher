// @name expiring_pairings
// @zh 在某日有效、但将在指定日期之前到期的结对共建（需要续签的结对）
// @en Pairings active on a date that end before a given date: the ones to renew
// @param as_of: date = 2023-06-30 -- the pairing is active on this date (since <= as_of < until)
// @param before: date = 2024-12-31 -- it ends (until) before this date
// @returns unit_side, unit_org, community_side, community_org, kind, since, until, days_left, agreement -- unit_side and community_side are what the two organizations belong to; days_left counts from as_of to until
MATCH (a:PartyOrg)-[p:PAIRED_WITH]->(b:PartyOrg)
WHERE p.until IS NOT NULL AND p.until < $before
  AND coalesce(p.since, '') <= $as_of AND $as_of < p.until
OPTIONAL MATCH (a)-[:BELONGS_TO]->(ao)
OPTIONAL MATCH (b)-[:BELONGS_TO]->(bo)
WITH a, p, b, head(collect(ao)) AS ao, head(collect(bo)) AS bo
RETURN coalesce(ao.name, '') AS unit_side, a.name AS unit_org,
       coalesce(bo.name, '') AS community_side, b.name AS community_org,
       coalesce(p.kind, '') AS kind, coalesce(p.since, '') AS since, p.until AS until,
       duration.inDays(date($as_of), date(p.until)).days AS days_left,
       coalesce(p.agreement, '') AS agreement
ORDER BY until, community_side, unit_side
