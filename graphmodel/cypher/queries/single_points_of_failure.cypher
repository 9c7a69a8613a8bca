// @name single_points_of_failure
// @zh 单点故障：一旦退出就会让某些社区失去全部对外联系的单位或组织（来自分析写回的结果）
// @en Single points of failure: the articulation points of the co-governance network, with the communities that would lose every outside tie if each left (as the analyses wrote them back; run graphmodel analyze --write first)
// @agrees graphmodel.analysis.failure.single_points_of_failure (articulation points)
// @returns label, id, name, hub_score, cut_off, cut_off_communities, analysis_date -- one row per actor (a unit's party organizations share its flag and are not listed again); cut_off_communities lists the names of the communities cut off, cut_off counts them
MATCH (n)
WHERE n.articulation = true AND coalesce(n.hub_actor, n.id) = n.id
RETURN labels(n)[0] AS label, n.id AS id, n.name AS name, n.hub_score AS hub_score,
       size(coalesce(n.cut_off_communities, [])) AS cut_off,
       coalesce(n.cut_off_communities, []) AS cut_off_communities,
       n.analysis_date AS analysis_date
ORDER BY cut_off DESC, hub_score DESC, name, id
