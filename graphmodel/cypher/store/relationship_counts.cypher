// Relationships per type (Stats.relationships; agrees with graphmodel.graphview.stats).
MATCH ()-[r]->()
RETURN type(r) AS name, count(*) AS count
