// The pairings of one node (see Store.partners; agrees with graphmodel.graphview.partners):
// a party organization's own, or those of every node that BELONGS_TO the node; each seen
// from the asked side, with the partner's owner (graphview.party_owners: the one Street,
// Community, MemberUnit or SocialOrg it BELONGS_TO; none when it belongs to none or several).
// Labels and relationship types cannot be Cypher parameters: the placeholders in double braces are filled by
// graphmodel.cypher.statement with names from graphmodel.schema's closed set only (checked by
// Neo4jStore before filling), never from user input. Every value travels in $parameters.
MATCH (n:{{label}} {id: $id})
OPTIONAL MATCH (member)-[:BELONGS_TO]->(n)
WITH n, collect(member) AS members
UNWIND CASE WHEN n:PartyOrg THEN [n] ELSE members END AS org
MATCH (org)-[p:PAIRED_WITH]-(partner)
OPTIONAL MATCH (partner:PartyOrg)-[:BELONGS_TO]->(owner)
WHERE owner:Street OR owner:Community OR owner:MemberUnit OR owner:SocialOrg
WITH org, p, partner, collect(DISTINCT owner) AS owners
WITH org, p, partner, CASE WHEN size(owners) = 1 THEN owners[0] END AS owner
RETURN
  org.id AS org_id,
  coalesce(org.name, '') AS org_name,
  partner.id AS partner_id,
  coalesce(partner.name, '') AS partner_name,
  coalesce(owner.id, '') AS owner_id,
  coalesce(owner.name, '') AS owner_name,
  coalesce(head([l IN labels(owner) WHERE l IN $labels]), '') AS owner_label,
  coalesce(p.kind, '') AS kind,
  coalesce(p.since, '') AS since,
  coalesce(p.until, '') AS until,
  coalesce(p.agreement, '') AS agreement
