// kgmem schema v1 — uniqueness per user namespace: every node is keyed by (user_id, id).
// Applied idempotently by `kgmem neo4j migrate` (and by Neo4jStore on first connect).
// KgNode is the common label of every kgmem node: one id space per user across kinds.
CREATE CONSTRAINT kg_node_key IF NOT EXISTS FOR (n:KgNode) REQUIRE (n.user_id, n.id) IS UNIQUE;
CREATE CONSTRAINT user_key IF NOT EXISTS FOR (n:User) REQUIRE (n.user_id, n.id) IS UNIQUE;
CREATE CONSTRAINT session_key IF NOT EXISTS FOR (n:Session) REQUIRE (n.user_id, n.id) IS UNIQUE;
CREATE CONSTRAINT turn_key IF NOT EXISTS FOR (n:Turn) REQUIRE (n.user_id, n.id) IS UNIQUE;
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE (n.user_id, n.id) IS UNIQUE;
CREATE CONSTRAINT fact_key IF NOT EXISTS FOR (n:Fact) REQUIRE (n.user_id, n.id) IS UNIQUE;
