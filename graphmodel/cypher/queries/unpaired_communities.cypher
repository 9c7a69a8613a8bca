// @name unpaired_communities
// @zh 在某日没有有效结对共建的社区（无结对社区）
// @en Communities none of whose own party organizations has a pairing active on a date (the gap rule unpaired_community)
// @param as_of: date = 2023-06-30 -- active means since <= as_of < until, or no until
// @returns community_id, community_name, kind, street_name, district_name, party_orgs, pairings_ever -- party_orgs counts the party organizations it owns (graphview.party_owners: they BELONG_TO it and to no other Street, Community, MemberUnit or SocialOrg; 0: the ledger names none, or only joint ones); pairings_ever counts their distinct pairings whatever the dates (non-zero: all expired or not yet started)
// @agrees graphmodel.analysis.gaps rule unpaired_community
MATCH (c:Community)
WITH c, COLLECT {
  MATCH (org:PartyOrg)-[:BELONGS_TO]->(c)
  WHERE NOT EXISTS { (org)-[:BELONGS_TO]->(x:Street|Community|MemberUnit|SocialOrg) WHERE x <> c }
  RETURN org
} AS orgs
WITH c, orgs, COLLECT { UNWIND orgs AS org MATCH (org)-[p:PAIRED_WITH]-() RETURN DISTINCT p } AS ever
WHERE NONE(p IN ever WHERE coalesce(p.since, '') <= $as_of AND (p.until IS NULL OR $as_of < p.until))
OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
OPTIONAL MATCH (s)-[:PART_OF]->(d:District)
RETURN c.id AS community_id, c.name AS community_name, coalesce(c.kind, '') AS kind,
       coalesce(s.name, '') AS street_name, coalesce(d.name, '') AS district_name,
       size(orgs) AS party_orgs, size(ever) AS pairings_ever
ORDER BY district_name, street_name, community_name, community_id
