// actorgraph schema: one uniqueness constraint on `id` and one index on `name` per node label.
// Portable Neo4j 5 Cypher; safe to run again (IF NOT EXISTS).
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT group_id IF NOT EXISTS FOR (n:Group) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT issue_id IF NOT EXISTS FOR (n:Issue) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name);
CREATE INDEX group_name IF NOT EXISTS FOR (n:Group) ON (n.name);
CREATE INDEX issue_name IF NOT EXISTS FOR (n:Issue) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
