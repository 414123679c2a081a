// kgmem saved queries for Neo4j Browser. `kgmem browse --user ID` prints them with the
// parameters set for one user (run its `:param` line first, or open its links).
// Each query starts with a `// @name` line; `$user_id`, `$fact_id`, `$fact_ids`, `$date` are
// Browser parameters. Add them to Browser favourites with the star icon.

// @name timeline
// @title A user's timeline: sessions in order with the facts each one said
MATCH (s:Session {user_id: $user_id})
OPTIONAL MATCH (f:Fact {user_id: $user_id, session_id: s.id})
WITH s, f ORDER BY f.observed_at, f.id
RETURN toString(s.started_at) AS session_date, s.id AS session,
       collect(f.predicate + ': ' + f.text + CASE WHEN f.invalid_at IS NULL THEN '' ELSE ' (superseded ' + toString(f.invalid_at) + ')' END) AS facts
ORDER BY session_date, session;

// @name timeline_graph
// @title The same timeline as a graph: the NEXT chain of sessions and the facts they produced
MATCH (u:User {user_id: $user_id, id: $user_id})<-[:OF_USER]-(s:Session)
OPTIONAL MATCH chain = (s)-[:NEXT]->(:Session)
OPTIONAL MATCH said = (s)<-[:IN_SESSION]-(:Turn)<-[:FROM_TURN]-(:Fact)
RETURN u, s, chain, said LIMIT 300;

// @name slot_history
// @title The SUPERSEDES history of one slot (newest first), from any fact in it
MATCH (f:Fact {user_id: $user_id, id: $fact_id})
MATCH (f)-[:SUPERSEDES*0..]-(g:Fact)
WITH DISTINCT g
RETURN toString(g.observed_at) AS said_on, g.predicate AS predicate, g.text AS fact,
       toString(g.invalid_at) AS superseded_on, g.id AS id
ORDER BY said_on DESC, id DESC;

// @name slot_history_graph
// @title The same slot history as a graph: facts captioned `predicate: value · date` (superseded
// ones grey), their SUPERSEDES edges, the subject entity and the value entities (me → Seattle)
MATCH (f:Fact {user_id: $user_id, id: $fact_id})
MATCH p = (f)-[:SUPERSEDES*0..]-(g:Fact)
OPTIONAL MATCH s = (g)-[:SUBJECT]->(:Entity)
OPTIONAL MATCH o = (g)-[:OBJECT]->(:Entity)
RETURN p, s, o;

// @name entity_graph
// @title What the user said about the world: current facts linking the user to entities
MATCH (me:Entity {user_id: $user_id})<-[:SUBJECT]-(f:Fact)-[:OBJECT]->(v:Entity)
WHERE f.invalid_at IS NULL
RETURN me, f, v LIMIT 200;

// @name answer_evidence
// @title The facts and turns behind an answer (Answer.fact_ids)
MATCH (f:Fact {user_id: $user_id}) WHERE f.id IN $fact_ids
OPTIONAL MATCH src = (f)-[:FROM_TURN]->(:Turn)-[:IN_SESSION]->(:Session)
OPTIONAL MATCH ent = (f)-[:SUBJECT|OBJECT]->(:Entity)
RETURN f, src, ent;

// @name true_on_date
// @title What was true on a date (as the user had told it by then)
WITH localdatetime($date) AS d
MATCH (f:Fact {user_id: $user_id})
WHERE f.observed_at <= d AND (f.invalid_at IS NULL OR f.invalid_at > d)
  AND (f.valid_from IS NULL OR f.valid_from <= d) AND (f.valid_to IS NULL OR f.valid_to >= d)
RETURN f.predicate AS predicate, f.text AS fact, toString(f.valid_from) AS valid_from,
       toString(f.valid_to) AS valid_to, toString(f.observed_at) AS said_on
ORDER BY said_on, predicate;
