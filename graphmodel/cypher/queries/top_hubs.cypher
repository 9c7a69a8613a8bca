// @name top_hubs
// @zh 协调枢纽排名：按分析写回的枢纽得分排序（先运行 graphmodel analyze --write）
// @en The top coordination hubs by the hub score the analyses wrote back (run graphmodel analyze --write first)
// @param limit: int = 10 -- how many to list
// @returns label, id, name, hub_score, betweenness, degree, articulation, analysis_date -- nodes without a written score are left out; a unit and its party organizations carry the same figures (one actor, hub_actor names it), so only the actor itself is listed
MATCH (n)
WHERE n.hub_score IS NOT NULL AND coalesce(n.hub_actor, n.id) = n.id
RETURN labels(n)[0] AS label, n.id AS id, n.name AS name, n.hub_score AS hub_score,
       n.betweenness AS betweenness, n.degree AS degree,
       coalesce(n.articulation, false) AS articulation, n.analysis_date AS analysis_date
ORDER BY hub_score DESC, name, id
LIMIT $limit
