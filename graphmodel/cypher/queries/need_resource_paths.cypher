// @name need_resource_paths
// @zh 需求经由结对共建或协调委员会通向可用资源的路径：需求 → 社区 → 结对单位或委员会 → 单位 → 资源（资源类别与需求相同或不限）
// @en Paths from open needs to resources through the network: need → community → pairing or committee → unit → resource (same category, or a resource for any need); what graphmodel match proposes from
// @param as_of: date = 2023-06-30 -- pairings, memberships and resources in force on this date
// @param limit: int = 50 -- at most this many paths
// @returns path -- Need -RAISED_BY-> Community <-BELONGS_TO- PartyOrg -PAIRED_WITH- PartyOrg -BELONGS_TO-> unit <-OFFERED_BY- Resource (paired), or Need -RAISED_BY-> Community <-COVERS- Committee <-MEMBER_OF- unit <-OFFERED_BY- Resource (committee); a step through a party organization appears where the ledger names one (a need raised by the community's party organization, a resource offered by the unit's branch, a committee covering the street, a member branch)
// @note As graphmodel match (tiers paired and committee), for the open needs (待认领, 办理中) not met with a resource whose raiser is a community or a party organization it owns: every party organization counts as its owner (graphview.party_owners: the one Street, Community, MemberUnit or SocialOrg it BELONGS_TO; itself when it has none); a provider is the owner of the other side of a pairing in force of one of the community's own party organizations, or a member in force of a committee that covers the community or its street or has it (or one of its own organizations) as member in force; its resources are those offered by it or by an organization it owns, available on as_of, of the need's category or none, and through a committee not of scope 结对社区. Capacity is not counted (match weighs it).
// @agrees graphmodel.analysis.match tiers paired and committee
MATCH (n:Need)
WHERE coalesce(n.status, CASE WHEN EXISTS { (n)-[:CLAIMED_BY]->() } THEN '办理中' ELSE '待认领' END)
      IN ['待认领', '办理中']
  AND NOT EXISTS { (n)-[:MET_WITH]->() }
WITH n, head(COLLECT { MATCH (n)-[:RAISED_BY]->(x) RETURN x ORDER BY x.id LIMIT 1 }) AS x
WITH n, x, COLLECT {
  MATCH (x:PartyOrg)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o
} AS owners
WITH n, x, CASE WHEN size(owners) = 1 THEN owners[0] ELSE x END AS c
WHERE c:Community
WITH n, x, c, COLLECT {
  MATCH (o:PartyOrg)-[:BELONGS_TO]->(c)
  WHERE NOT EXISTS { (o)-[:BELONGS_TO]->(y:Street|Community|MemberUnit|SocialOrg) WHERE y <> c }
  RETURN o
} AS c_orgs
CALL (n, x, c, c_orgs) {
  MATCH (corg:PartyOrg)-[p:PAIRED_WITH]-(porg:PartyOrg)
  WHERE corg IN c_orgs
    AND coalesce(p.since, '') <= $as_of AND (p.until IS NULL OR $as_of < p.until)
  RETURN DISTINCT corg, p, porg AS member, null AS k, null AS m
  UNION
  MATCH (k:Committee)
  WHERE EXISTS { (k)-[:COVERS]->(c) } OR EXISTS { (k)-[:COVERS]->(:Street)<-[:PART_OF]-(c) }
     OR EXISTS {
       MATCH (y)-[r:MEMBER_OF]->(k)
       WHERE (y = c OR y IN c_orgs)
         AND coalesce(r.since, '') <= $as_of AND (r.until IS NULL OR $as_of < r.until)
     }
  MATCH (member)-[m:MEMBER_OF]->(k)
  WHERE coalesce(m.since, '') <= $as_of AND (m.until IS NULL OR $as_of < m.until)
  RETURN null AS corg, null AS p, member, k, m
}
WITH n, x, c, c_orgs, corg, p, member, k, m, COLLECT {
  MATCH (member:PartyOrg)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o
} AS owners
WITH n, x, c, c_orgs, corg, p, member, k, m,
     CASE WHEN size(owners) = 1 THEN owners[0] ELSE member END AS provider
WITH n, x, c, c_orgs, corg, p, member, k, m, [provider] + COLLECT {
  MATCH (o:PartyOrg)-[:BELONGS_TO]->(provider)
  WHERE NOT EXISTS { (o)-[:BELONGS_TO]->(y:Street|Community|MemberUnit|SocialOrg) WHERE y <> provider }
  RETURN o
} AS side
MATCH (r:Resource)-[:OFFERED_BY]->(offerer)
WHERE offerer IN side
  AND (coalesce(r.category, '') = '' OR r.category = n.category)
  AND coalesce(r.since, '') <= $as_of AND (r.until IS NULL OR $as_of < r.until)
  AND (k IS NULL OR coalesce(r.scope, '区') <> '结对社区')
CALL (n, x, c, c_orgs, corg, p, member, k, m, side, offerer, r) {
  MATCH path = (n)-[:RAISED_BY]->(x)-[near:BELONGS_TO*0..2]-(corg)-[p]-(member)
               -[far:BELONGS_TO*0..2]-(offerer)<-[:OFFERED_BY]-(r)
  WHERE all(b IN near WHERE startNode(b) IN c_orgs AND endNode(b) = c)
    AND all(b IN far WHERE startNode(b) IN side AND endNode(b) = side[0])
  RETURN path
  UNION
  MATCH path = (n)-[:RAISED_BY]->(x)-[near:BELONGS_TO|PART_OF|COVERS|MEMBER_OF*1..3]-(k)<-[m]-(member)
               -[far:BELONGS_TO*0..2]-(offerer)<-[:OFFERED_BY]-(r)
  WHERE all(v IN nodes(path)[1..size(near) + 1] WHERE v = c OR v IN c_orgs OR (v:Street AND (c)-[:PART_OF]->(v)))
    AND all(b IN near WHERE type(b) <> 'MEMBER_OF'
                            OR (coalesce(b.since, '') <= $as_of AND (b.until IS NULL OR $as_of < b.until)))
    AND all(b IN far WHERE startNode(b) IN side AND endNode(b) = side[0])
  RETURN path
}
RETURN path
LIMIT $limit
