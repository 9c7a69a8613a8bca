// @name expiring_pairings
// @zh 在某日有效、但将在指定日期之前到期的结对共建（需要续签的结对）
// @en Pairings active on a date that end before a given date: the ones to renew
// @param as_of: date = 2023-06-30 -- the pairing is active on this date (since <= as_of < until)
// @param before: date = 2024-12-31 -- it ends (until) before this date
// @returns unit_side, unit_org, community_side, community_org, kind, since, until, days_left, agreement -- community_org is the organization owned by a community, unit_org the other (when neither or both are, the ledger's order: unit -> community), as graphmodel.graphview.pairing_sides tells them apart; unit_side and community_side are their owners (graphview.party_owners: the one Street, Community, MemberUnit or SocialOrg each BELONGS_TO), empty for one that belongs to none or to several; days_left counts from as_of to until
// @agrees graphmodel.analysis.ties.Ties (pairings, with Pairing.unit_org and community_org)
MATCH (a:PartyOrg)-[p:PAIRED_WITH]->(b:PartyOrg)
WHERE p.until IS NOT NULL AND p.until < $before
  AND coalesce(p.since, '') <= $as_of AND $as_of < p.until
WITH a, p, b,
     COLLECT { MATCH (a)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o } AS a_owners,
     COLLECT { MATCH (b)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o } AS b_owners
WITH a, p, b, CASE WHEN size(a_owners) = 1 THEN a_owners[0] END AS ao,
     CASE WHEN size(b_owners) = 1 THEN b_owners[0] END AS bo
WITH p, CASE WHEN ao:Community AND NOT coalesce(bo:Community, false) THEN [b, bo, a, ao]
             ELSE [a, ao, b, bo] END AS sides
RETURN coalesce(sides[1].name, '') AS unit_side, sides[0].name AS unit_org,
       coalesce(sides[3].name, '') AS community_side, sides[2].name AS community_org,
       coalesce(p.kind, '') AS kind, coalesce(p.since, '') AS since, p.until AS until,
       duration.inDays(date($as_of), date(p.until)).days AS days_left,
       coalesce(p.agreement, '') AS agreement
ORDER BY until, community_side, unit_side
