// @name partners_graph
// @zh 以图形显示某个社区或单位的结对共建关系（党组织、所属社区或单位）
// @en The pairings of a community or unit as a graph: its party organization, the partner organizations and what they belong to
// @param ref: string = 站东社区 -- the id, or the name, of a community, unit, social organization or party organization
// @returns path -- one path per pairing, the rows of the partners query drawn: owner <-BELONGS_TO- organization -PAIRED_WITH- partner organization -BELONGS_TO-> partner's owner; the path ends at the partner organization when it has no owner (graphview.party_owners: it belongs to no Street, Community, MemberUnit or SocialOrg, or to several)
// @agrees graphmodel.graphview.partners (Store.partners)
MATCH (n)
WHERE (n:Community OR n:MemberUnit OR n:SocialOrg OR n:PartyOrg) AND (n.id = $ref OR n.name = $ref)
MATCH path = (n)<-[:BELONGS_TO*0..1]-(org:PartyOrg)-[:PAIRED_WITH]-(partner:PartyOrg)-[:BELONGS_TO*0..1]->(end)
WITH path, partner, end, COLLECT {
  MATCH (partner)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o
} AS owners
WHERE end = CASE WHEN size(owners) = 1 THEN owners[0] ELSE partner END
RETURN path
