// @name flagged_gaps
// @zh 分析写回的覆盖缺口：每个被标记的社区、单位、委员会或街道及其缺口规则（先运行 graphmodel analyze --write）
// @en The coverage gaps the analyses wrote back: every flagged community, unit, committee or street with its rules (run graphmodel analyze --write first)
// @param rule: string = unpaired_community -- show only nodes flagged with this rule; "all" for every rule
// @returns label, id, name, gaps, street_name, analysis_date
MATCH (n)
WHERE size(coalesce(n.gaps, [])) > 0 AND ($rule = 'all' OR $rule IN n.gaps)
OPTIONAL MATCH (n)-[:PART_OF|LOCATED_IN]->(s:Street)
RETURN labels(n)[0] AS label, n.id AS id, n.name AS name, n.gaps AS gaps,
       coalesce(s.name, '') AS street_name, n.analysis_date AS analysis_date
ORDER BY label, street_name, name, id
