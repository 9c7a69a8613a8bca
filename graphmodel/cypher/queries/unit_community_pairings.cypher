// @name unit_community_pairings
// @zh 某街道的结对共建：直接列出“单位—社区”（党组织归并到所属单位和社区），并标明在某日是否有效
// @en A street's pairings shown directly as unit - community (each party organization folded into the one unit, community, social organization or street it belongs to), each marked active or not on a date
// @param street: string = 建国门街道 -- the id, or the name, of the street whose communities' pairings are listed
// @param as_of: date = 2023-06-30 -- the date on which "active" is judged (since <= as_of < until, or no until)
// @returns unit, community, unit_name, community_name, kind, since, until, active -- one row per pairing; unit and community are nodes, so Browser draws both side by side
// @note The owner of a party organization is the one Community, MemberUnit, SocialOrg or Street it BELONGS_TO (graphmodel.graphview.party_owners); one with none or several stays itself. As in folding, a pairing between two communities is listed once, at its end (the ledger's unit -> community order), and a pairing inside one owner is not listed. Browser draws no line between unit and community (Cypher alone makes no virtual relationships): the table lists the pairs, and graphmodel view draws them as lines.
// @agrees graphmodel.analysis.folding.fold_party_orgs (its PAIRED_WITH ties ending in the street)
MATCH (s:Street)
WHERE s.id = $street OR s.name = $street
MATCH (c:Community)-[:PART_OF]->(s)
MATCH (corg:PartyOrg)-[:BELONGS_TO]->(c)
WHERE NOT EXISTS { (corg)-[:BELONGS_TO]->(x:Street|Community|MemberUnit|SocialOrg) WHERE x <> c }
MATCH (corg)-[p:PAIRED_WITH]-(uorg)
WITH c, p, startNode(p) = corg AS c_starts, uorg, COLLECT {
  MATCH (uorg:PartyOrg)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o
} AS owners
WITH c, p, c_starts, CASE WHEN size(owners) = 1 THEN owners[0] ELSE uorg END AS unit
WHERE unit <> c AND (NOT c_starts OR NOT unit:Community)
RETURN
  unit,
  c AS community,
  unit.name AS unit_name,
  c.name AS community_name,
  coalesce(p.kind, '') AS kind,
  coalesce(p.since, '') AS since,
  coalesce(p.until, '') AS until,
  coalesce(p.since, '') <= $as_of AND (p.until IS NULL OR $as_of < p.until) AS active
ORDER BY community_name, unit_name, since
