// Range indexes on the properties graphmodel.schema marks indexed (names: schema.index_name).
// Checked against the schema by tests/test_schema.py; run by Neo4jStore.ensure_schema before any write.
CREATE RANGE INDEX district_name IF NOT EXISTS FOR (n:District) ON (n.name);
CREATE RANGE INDEX street_name IF NOT EXISTS FOR (n:Street) ON (n.name);
CREATE RANGE INDEX community_name IF NOT EXISTS FOR (n:Community) ON (n.name);
CREATE RANGE INDEX grid_name IF NOT EXISTS FOR (n:Grid) ON (n.name);
CREATE RANGE INDEX party_org_name IF NOT EXISTS FOR (n:PartyOrg) ON (n.name);
CREATE RANGE INDEX member_unit_name IF NOT EXISTS FOR (n:MemberUnit) ON (n.name);
CREATE RANGE INDEX social_org_name IF NOT EXISTS FOR (n:SocialOrg) ON (n.name);
CREATE RANGE INDEX committee_name IF NOT EXISTS FOR (n:Committee) ON (n.name);
CREATE RANGE INDEX need_name IF NOT EXISTS FOR (n:Need) ON (n.name);
CREATE RANGE INDEX resource_name IF NOT EXISTS FOR (n:Resource) ON (n.name);
CREATE RANGE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);
