// Nodes per schema label ($labels: the schema's label names; a node may also carry
// analysis labels such as HubHigh, which are not counted) (Stats.labels; agrees with graphmodel.graphview.stats).
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN head([l IN labels(n) WHERE l IN $labels]) AS name, count(*) AS count
