// AreaStats per street; agrees with graphmodel.graphview.area_stats (read its definitions):
// - communities: Community nodes PART_OF the street;
// - a community's organizations are those it owns (graphview.party_owners): PartyOrg nodes that
//   BELONG_TO it and to no other Street, Community, MemberUnit or SocialOrg;
// - paired_communities: those with an organization that has a PAIRED_WITH in either direction;
// - pairings: PAIRED_WITH relationships counted at the community of the end's organization, or
//   at the start's when the end organization is owned by no community;
// - committees: distinct nodes that COVER the street or one of its communities;
// - social_orgs: distinct nodes that SERVE one of its communities.
MATCH (s:Street)
OPTIONAL MATCH (s)-[:PART_OF]->(up)
WITH s, coalesce(head(collect(up.id)), '') AS parent
RETURN
  s.id AS id,
  coalesce(s.name, '') AS name,
  parent,
  0 AS streets,
  COUNT { (c:Community)-[:PART_OF]->(s) } AS communities,
  COUNT {
    MATCH (c:Community)-[:PART_OF]->(s)
    WHERE EXISTS {
      MATCH (c)<-[:BELONGS_TO]-(o:PartyOrg)-[:PAIRED_WITH]-()
      WHERE NOT EXISTS {
        MATCH (o)-[:BELONGS_TO]->(x)
        WHERE x <> c AND (x:Street OR x:Community OR x:MemberUnit OR x:SocialOrg)
      }
    }
  } AS paired_communities,
  COUNT {
    MATCH (c:Community)-[:PART_OF]->(s), (c)<-[:BELONGS_TO]-(v:PartyOrg)<-[:PAIRED_WITH]-()
    WHERE NOT EXISTS {
      MATCH (v)-[:BELONGS_TO]->(x)
      WHERE x <> c AND (x:Street OR x:Community OR x:MemberUnit OR x:SocialOrg)
    }
  }
  + COUNT {
    MATCH (c:Community)-[:PART_OF]->(s), (c)<-[:BELONGS_TO]-(u:PartyOrg)-[:PAIRED_WITH]->(v)
    WHERE NOT EXISTS {
      MATCH (u)-[:BELONGS_TO]->(x)
      WHERE x <> c AND (x:Street OR x:Community OR x:MemberUnit OR x:SocialOrg)
    }
    AND NOT EXISTS {
      MATCH (v:PartyOrg)-[:BELONGS_TO]->(y:Community)
      WHERE NOT EXISTS {
        MATCH (v)-[:BELONGS_TO]->(x)
        WHERE x <> y AND (x:Street OR x:Community OR x:MemberUnit OR x:SocialOrg)
      }
    }
  } AS pairings,
  size(COLLECT {
    MATCH (k)-[:COVERS]->(s) RETURN k
    UNION
    MATCH (k)-[:COVERS]->(:Community)-[:PART_OF]->(s) RETURN k
  }) AS committees,
  size(COLLECT { MATCH (o)-[:SERVES]->(:Community)-[:PART_OF]->(s) RETURN DISTINCT o }) AS social_orgs
