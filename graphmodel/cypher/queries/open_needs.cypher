// @name open_needs
// @zh 未办结的需求（待认领、办理中）：提出方、所在街道、类别、已等待天数，等待最久的在前
// @en Open needs (待认领 unclaimed, 办理中 in hand): who raised them, their street, category and days waited, longest first
// @param as_of: date = 2023-12-31 -- days waited are counted from raised to this date (empty when raised is not recorded)
// @returns need_id, need, category, status, raised, days_waited, raiser, claimer, street -- raiser and claimer are actors: a party organization is named by its owner (graphview.party_owners), itself when it has none; of several RAISED_BY (CLAIMED_BY) the one with the smallest id counts; street is where the raiser sits (graphmodel.analysis.network.street_of: each step to the smallest id over PART_OF, LOCATED_IN, BELONGS_TO, SERVES or COVERS, up to 8 steps)
// @agrees graphmodel.analysis.needs open_needs
MATCH (n:Need)
WITH n, head(COLLECT { MATCH (n)-[:CLAIMED_BY]->(x) RETURN x ORDER BY x.id LIMIT 1 }) AS k,
     head(COLLECT { MATCH (n)-[:RAISED_BY]->(x) RETURN x ORDER BY x.id LIMIT 1 }) AS r
WITH n, k, r, coalesce(n.status, CASE WHEN k IS NULL THEN '待认领' ELSE '办理中' END) AS status
WHERE status IN ['待认领', '办理中']
WITH n, status, k, r,
     COLLECT { MATCH (k:PartyOrg)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o } AS k_owners,
     COLLECT { MATCH (r:PartyOrg)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o } AS r_owners
WITH n, status, CASE WHEN size(k_owners) = 1 THEN k_owners[0] ELSE k END AS claimer,
     CASE WHEN size(r_owners) = 1 THEN r_owners[0] ELSE r END AS raiser
WITH n, status, claimer, raiser,
     reduce(at = raiser, step IN range(1, 8) |
       CASE WHEN at IS NULL OR at:Street THEN at
            ELSE head(COLLECT {
              MATCH (at)-[:PART_OF|LOCATED_IN|BELONGS_TO|SERVES|COVERS]->(x) RETURN x ORDER BY x.id LIMIT 1
            }) END) AS place
RETURN n.id AS need_id, n.name AS need, coalesce(n.category, '') AS category, status,
       coalesce(n.raised, '') AS raised,
       CASE WHEN n.raised IS NULL THEN null
            ELSE duration.inDays(date(n.raised), date($as_of)).days END AS days_waited,
       coalesce(raiser.name, '') AS raiser, coalesce(claimer.name, '') AS claimer,
       CASE WHEN place:Street THEN place.name ELSE '' END AS street
ORDER BY days_waited IS NULL, days_waited DESC, need_id
