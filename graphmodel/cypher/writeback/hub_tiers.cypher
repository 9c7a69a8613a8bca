// @name hub_tiers
// @zh 按写回的枢纽得分给排名靠前的主体加上 HubHigh / HubMid 标签，让 Browser 的样式把它们画得更大
// @en Mark the top actors by written-back hub score with the labels HubHigh and HubMid, so that Browser's style (which can only select by label) draws them larger; earlier tiers are removed first
// @param high: int = 10 -- actors ranked 1..high get HubHigh
// @param mid: int = 50 -- actors ranked high+1..mid get HubMid
// @returns cleared, high, mid -- nodes whose old tier label was removed, nodes now HubHigh, nodes now HubMid
// @note One of the project's own write steps (graphmodel.writeback), run only after the hub scores are written. Actors are nodes with hub_score > 0 whose hub_actor is themselves (a unit's party organizations carry its figures but are not ranked twice); ties are broken by id. The stores pick a node's schema label from labels(n) by name ($labels), so these extra labels never change what the stores return.
// @mode write
CALL {
  MATCH (n)
  WHERE n:HubHigh OR n:HubMid
  REMOVE n:HubHigh:HubMid
  RETURN count(*) AS cleared
}
MATCH (n)
WHERE n.hub_score > 0 AND coalesce(n.hub_actor, n.id) = n.id
WITH cleared, n
ORDER BY n.hub_score DESC, n.id
WITH cleared, collect(n) AS ranked
FOREACH (x IN ranked[0..$high] | SET x:HubHigh)
FOREACH (x IN ranked[$high..$mid] | SET x:HubMid)
RETURN cleared, size(ranked[0..$high]) AS high, size(ranked[$high..$mid]) AS mid
