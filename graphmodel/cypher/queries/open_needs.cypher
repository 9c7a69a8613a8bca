// @name open_needs
// @zh 未办结的需求（待认领、办理中）：提出方、所在街道、类别、已等待天数，等待最久的在前
// @en Open needs (待认领 unclaimed, 办理中 in hand): who raised them, their street, category and days waited, longest first
// @param as_of: date = 2023-12-31 -- days waited are counted from raised to this date (empty when raised is not recorded)
// @returns need_id, need, category, status, raised, days_waited, raiser, claimer, street
// @agrees graphmodel.analysis.needs open_needs
MATCH (n:Need)
OPTIONAL MATCH (n)-[:CLAIMED_BY]->(k)
WITH n, head(collect(k)) AS k
WITH n, k, coalesce(n.status, CASE WHEN k IS NULL THEN '待认领' ELSE '办理中' END) AS status
WHERE status IN ['待认领', '办理中']
OPTIONAL MATCH (n)-[:RAISED_BY]->(r)
OPTIONAL MATCH (r)-[:BELONGS_TO|PART_OF|LOCATED_IN|COVERS*0..2]->(s:Street)
WITH n, k, status, r, head(collect(s)) AS s
RETURN n.id AS need_id, n.name AS need, coalesce(n.category, '') AS category, status,
       coalesce(n.raised, '') AS raised,
       CASE WHEN n.raised IS NULL THEN null
            ELSE duration.inDays(date(n.raised), date($as_of)).days END AS days_waited,
       coalesce(r.name, '') AS raiser, coalesce(k.name, '') AS claimer,
       coalesce(s.name, '') AS street
ORDER BY days_waited IS NULL, days_waited DESC, need_id
