// Nodes per label (Stats.labels; agrees with graphmodel.graphview.stats).
MATCH (n)
RETURN labels(n)[0] AS name, count(*) AS count
