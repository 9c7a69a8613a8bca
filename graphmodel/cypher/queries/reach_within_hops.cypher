// @name reach_within_hops
// @zh 某单位（或委员会、党组织、街道、社会组织）在 N 跳之内能联系到的社区，跳数与 graphmodel reach 相同
// @en The communities a unit (or committee, party organization, street, social organization) reaches within N hops, counted as graphmodel reach counts them
// @param ref: string = 建国门街道市级下沉单位01 -- the id, or the name, of a unit, committee, party organization, street, social organization or community
// @param hops: int = 2 -- the most hops (a unit's own paired community is 1 hop away, as in graphmodel reach)
// @param as_of: date = 2023-06-30 -- dated ties (pairings, memberships, reports) count only while in force on this date
// @returns community_id, community_name, street_name, hops -- the communities within reach, nearest first
// @note Hops are counted as graphmodel reach counts them with its default ties: a party organization that belongs to exactly one unit, community, social organization or street is one actor with it, so that BELONGS_TO is no hop; a hop is a PAIRED_WITH, MEMBER_OF, CONVENED_BY, SERVES, REPORTS_TO or BELONGS_TO (of a joint branch) in force between two actors. A breadth-first search over actors, one frontier per hop, in a reduce() over range(1, $hops) with a COLLECT subquery per step (Cypher 5 has no weighted shortest path, and a plain shortestPath over nodes would count the branch in between).
// @agrees graphmodel.analysis.reach.reach
MATCH (s)
WHERE (s:MemberUnit OR s:Committee OR s:PartyOrg OR s:Street OR s:SocialOrg OR s:Community)
  AND (s.id = $ref OR s.name = $ref)
WITH s, COLLECT {
  MATCH (s:PartyOrg)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o
} AS owners
WITH DISTINCT CASE WHEN size(owners) = 1 THEN owners[0] ELSE s END AS start
WITH start, reduce(state = {seen: [start], frontier: [start], reached: []}, hop IN range(1, $hops) |
  head([next IN [COLLECT {
    UNWIND state.frontier AS a
    CALL (a) {
      RETURN a AS x
      UNION
      MATCH (a)<-[:BELONGS_TO]-(x:PartyOrg)
      WHERE NOT EXISTS { (x)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) WHERE o <> a }
      RETURN x
    }
    MATCH (x)-[r:PAIRED_WITH|MEMBER_OF|CONVENED_BY|SERVES|REPORTS_TO|BELONGS_TO]-(y)
    WHERE coalesce(r.since, '') <= $as_of AND (r.until IS NULL OR $as_of < r.until)
      AND (y:Street OR y:Community OR y:PartyOrg OR y:MemberUnit OR y:SocialOrg OR y:Committee)
    WITH y, COLLECT {
      MATCH (y:PartyOrg)-[:BELONGS_TO]->(o:Street|Community|MemberUnit|SocialOrg) RETURN DISTINCT o
    } AS owners
    WITH CASE WHEN size(owners) = 1 THEN owners[0] ELSE y END AS b
    WHERE NOT b IN state.seen
    RETURN DISTINCT b
  }] | {
    seen: state.seen + next,
    frontier: next,
    reached: state.reached + [c IN next WHERE c:Community | {community: c, hops: hop}]
  }])
) AS state
UNWIND state.reached AS found
WITH found.community AS c, found.hops AS hops
OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
RETURN c.id AS community_id, c.name AS community_name, coalesce(s.name, '') AS street_name, hops
ORDER BY hops, community_name, community_id
