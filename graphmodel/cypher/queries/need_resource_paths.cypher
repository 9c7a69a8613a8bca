// @name need_resource_paths
// @zh 需求经由结对共建或协调委员会通向可用资源的路径：需求 → 社区 → 结对单位或委员会 → 单位 → 资源（资源类别与需求相同或不限）
// @en Paths from open needs to resources through the network: need → community → pairing or committee → unit → resource (same category, or a resource for any need); what graphmodel match proposes from
// @param as_of: date = 2023-06-30 -- pairings, memberships and resources in force on this date
// @param limit: int = 50 -- at most this many paths
// @returns path -- Need -RAISED_BY-> Community <-BELONGS_TO- PartyOrg -PAIRED_WITH- PartyOrg -BELONGS_TO-> unit <-OFFERED_BY- Resource, or Need -RAISED_BY-> Community <-COVERS- Committee <-MEMBER_OF- unit <-OFFERED_BY- Resource
// @agrees graphmodel.analysis.match tiers paired and committee
MATCH (n:Need)-[:RAISED_BY]->(c:Community)
WHERE coalesce(n.status, CASE WHEN EXISTS { (n)-[:CLAIMED_BY]->() } THEN '办理中' ELSE '待认领' END)
      IN ['待认领', '办理中']
  AND NOT EXISTS { (n)-[:MET_WITH]->(:Resource) }
CALL {
  WITH n, c
  MATCH path = (n)-[:RAISED_BY]->(c)<-[:BELONGS_TO]-(:PartyOrg)-[p:PAIRED_WITH]-(:PartyOrg)
               -[:BELONGS_TO]->(u)<-[:OFFERED_BY]-(r:Resource)
  WHERE coalesce(p.since, '') <= $as_of AND (p.until IS NULL OR $as_of < p.until)
    AND (r.category IS NULL OR r.category = n.category)
    AND coalesce(r.since, '') <= $as_of AND (r.until IS NULL OR $as_of < r.until)
  RETURN path
  UNION
  WITH n, c
  MATCH path = (n)-[:RAISED_BY]->(c)<-[:COVERS]-(:Committee)<-[m:MEMBER_OF]-(u)
               <-[:OFFERED_BY]-(r:Resource)
  WHERE coalesce(m.since, '') <= $as_of
    AND (r.category IS NULL OR r.category = n.category)
    AND coalesce(r.scope, '区') <> '结对社区'
    AND coalesce(r.since, '') <= $as_of AND (r.until IS NULL OR $as_of < r.until)
  RETURN path
}
RETURN path
LIMIT $limit
