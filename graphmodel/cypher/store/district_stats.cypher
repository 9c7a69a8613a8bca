// AreaStats per district; agrees with graphmodel.graphview.area_stats (read its definitions):
// the district's communities are those of the Street nodes PART_OF it, and
// - streets: Street nodes PART_OF the district;
// - paired_communities, pairings, social_orgs: as in street_stats.cypher, over its communities;
// - committees: distinct nodes that COVER the district, one of its streets or communities.
MATCH (d:District)
RETURN
  d.id AS id,
  coalesce(d.name, '') AS name,
  '' AS parent,
  COUNT { (:Street)-[:PART_OF]->(d) } AS streets,
  COUNT { (c:Community)-[:PART_OF]->(:Street)-[:PART_OF]->(d) } AS communities,
  COUNT {
    MATCH (c:Community)-[:PART_OF]->(:Street)-[:PART_OF]->(d)
    WHERE EXISTS {
      MATCH (c)<-[:BELONGS_TO]-(o:PartyOrg)-[:PAIRED_WITH]-()
      WHERE NOT EXISTS {
        MATCH (o)-[:BELONGS_TO]->(x)
        WHERE x <> c AND (x:Street OR x:Community OR x:MemberUnit OR x:SocialOrg)
      }
    }
  } AS paired_communities,
  COUNT {
    MATCH (c:Community)-[:PART_OF]->(:Street)-[:PART_OF]->(d), (c)<-[:BELONGS_TO]-(v:PartyOrg)<-[:PAIRED_WITH]-()
    WHERE NOT EXISTS {
      MATCH (v)-[:BELONGS_TO]->(x)
      WHERE x <> c AND (x:Street OR x:Community OR x:MemberUnit OR x:SocialOrg)
    }
  }
  + COUNT {
    MATCH (c:Community)-[:PART_OF]->(:Street)-[:PART_OF]->(d), (c)<-[:BELONGS_TO]-(u:PartyOrg)-[:PAIRED_WITH]->(v)
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
    MATCH (k)-[:COVERS]->(d) RETURN k
    UNION
    MATCH (k)-[:COVERS]->(:Street)-[:PART_OF]->(d) RETURN k
    UNION
    MATCH (k)-[:COVERS]->(:Community)-[:PART_OF]->(:Street)-[:PART_OF]->(d) RETURN k
  }) AS committees,
  size(COLLECT {
    MATCH (o)-[:SERVES]->(:Community)-[:PART_OF]->(:Street)-[:PART_OF]->(d)
    RETURN DISTINCT o
  }) AS social_orgs
