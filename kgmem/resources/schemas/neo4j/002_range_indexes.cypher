// kgmem schema v1 — range indexes: per-user scans and time filters.
CREATE INDEX session_user IF NOT EXISTS FOR (n:Session) ON (n.user_id);
CREATE INDEX turn_user IF NOT EXISTS FOR (n:Turn) ON (n.user_id);
CREATE INDEX entity_user IF NOT EXISTS FOR (n:Entity) ON (n.user_id);
CREATE INDEX fact_user IF NOT EXISTS FOR (n:Fact) ON (n.user_id);
CREATE INDEX session_started_at IF NOT EXISTS FOR (n:Session) ON (n.user_id, n.started_at);
CREATE INDEX fact_valid_from IF NOT EXISTS FOR (n:Fact) ON (n.user_id, n.valid_from);
CREATE INDEX fact_observed_at IF NOT EXISTS FOR (n:Fact) ON (n.user_id, n.observed_at);
CREATE INDEX fact_invalid_at IF NOT EXISTS FOR (n:Fact) ON (n.user_id, n.invalid_at);
CREATE INDEX fact_predicate IF NOT EXISTS FOR (n:Fact) ON (n.user_id, n.predicate);
