// Uniqueness constraints on id, one per label of graphmodel.schema (names: schema.constraint_name).
// Checked against the schema by tests/test_schema.py; run by Neo4jStore.ensure_schema before any write.
CREATE CONSTRAINT district_id IF NOT EXISTS FOR (n:District) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT street_id IF NOT EXISTS FOR (n:Street) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT grid_id IF NOT EXISTS FOR (n:Grid) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT party_org_id IF NOT EXISTS FOR (n:PartyOrg) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT member_unit_id IF NOT EXISTS FOR (n:MemberUnit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT social_org_id IF NOT EXISTS FOR (n:SocialOrg) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT committee_id IF NOT EXISTS FOR (n:Committee) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT need_id IF NOT EXISTS FOR (n:Need) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT resource_id IF NOT EXISTS FOR (n:Resource) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
