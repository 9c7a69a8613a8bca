// @name partners
// @zh 社区、单位、社会组织或党组织的结对共建伙伴（全部结对，并标明在某日是否有效）
// @en The pairings (结对共建) of a community, unit, social organization or party organization, each marked active or not on a date
// @param ref: string = 站东社区 -- the id, or the name, of a community, unit, social organization or party organization
// @param as_of: date = 2023-06-30 -- the date on which "active" is judged (since <= as_of < until, or no until)
// @returns org_name, partner_name, owner_name, owner_label, kind, since, until, agreement, active, org_id, partner_id, owner_id -- one row per pairing, seen from the asked side (a community's or unit's pairings are those of every party organization that BELONGS_TO it); owner is the partner organization's owner (graphview.party_owners: the one Street, Community, MemberUnit or SocialOrg it BELONGS_TO), empty when it belongs to none or to several
// @agrees graphmodel.graphview.partners (Store.partners)
MATCH (n)
WHERE (n:Community OR n:MemberUnit OR n:SocialOrg OR n:PartyOrg) AND (n.id = $ref OR n.name = $ref)
MATCH (org:PartyOrg)-[:BELONGS_TO*0..1]->(n)
MATCH (org)-[p:PAIRED_WITH]-(partner:PartyOrg)
WITH org, p, partner, COLLECT {
  MATCH (partner)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o
} AS owners
WITH org, p, partner, CASE WHEN size(owners) = 1 THEN owners[0] END AS owner
RETURN
  org.name AS org_name,
  partner.name AS partner_name,
  coalesce(owner.name, '') AS owner_name,
  coalesce(labels(owner)[0], '') AS owner_label,
  coalesce(p.kind, '') AS kind,
  coalesce(p.since, '') AS since,
  coalesce(p.until, '') AS until,
  coalesce(p.agreement, '') AS agreement,
  coalesce(p.since, '') <= $as_of AND (p.until IS NULL OR $as_of < p.until) AS active,
  org.id AS org_id,
  partner.id AS partner_id,
  coalesce(owner.id, '') AS owner_id
ORDER BY partner_name, since, partner_id, org_id
