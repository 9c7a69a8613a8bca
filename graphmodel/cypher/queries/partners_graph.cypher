// @name partners_graph
// @zh 以图形显示某个社区或单位的结对共建关系（党组织、所属社区或单位）
// @en The pairings of a community or unit as a graph: its party organization, the partner organizations and what they belong to
// @param ref: string = 站东社区 -- the id, or the name, of a community, unit, social organization or party organization
// @returns path -- one path per pairing: owner <-BELONGS_TO- organization -PAIRED_WITH- partner organization -BELONGS_TO-> partner's owner
MATCH (n)
WHERE (n:Community OR n:MemberUnit OR n:SocialOrg OR n:PartyOrg) AND (n.id = $ref OR n.name = $ref)
MATCH path = (n)<-[:BELONGS_TO*0..1]-(org:PartyOrg)-[:PAIRED_WITH]-(:PartyOrg)-[:BELONGS_TO*0..1]->(owner)
WHERE NOT (owner:PartyOrg AND (owner)-[:BELONGS_TO]->())
RETURN path
