"""Every Cypher statement kgmem sends to Neo4j, with its fixed labels and relationship types.

Rules kept here: labels and relationship types are constants (never built from data); every value
is a parameter (``$user_id``, ``$rows`` …); every statement is scoped by ``$user_id``; nodes are
merged by ``(user_id, id)`` — never by name. Writes are batched with ``UNWIND $rows``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

#: the schema files (package data, also reachable as top-level schemas/neo4j)
SCHEMA_DIR: Final = Path(__file__).resolve().parent.parent / "resources" / "schemas" / "neo4j"

# --------------------------------------------------------------------------- the graph model

#: the common label of every kgmem node (one id space per user, see 001_constraints.cypher)
NODE: Final = "KgNode"
USER: Final = "User"
SESSION: Final = "Session"
TURN: Final = "Turn"
ENTITY: Final = "Entity"
FACT: Final = "Fact"
SCHEMA_NODE: Final = "KgmemSchema"

OF_USER: Final = "OF_USER"
IN_SESSION: Final = "IN_SESSION"
NEXT: Final = "NEXT"
SUBJECT: Final = "SUBJECT"
OBJECT: Final = "OBJECT"
FROM_TURN: Final = "FROM_TURN"
SUPERSEDES: Final = "SUPERSEDES"

#: bump with a new ``schemas/neo4j/NNN_*.cypher`` file
SCHEMA_VERSION: Final = 1

#: node kind (store API) → label, full-text index, vector index
KIND_LABEL: Final = {"turn": TURN, "fact": FACT, "entity": ENTITY}
FULLTEXT_INDEX: Final = {"turn": "turn_text", "fact": "fact_text", "entity": "entity_text"}
FULLTEXT_FIELD: Final = {"turn": "text", "fact": "text", "entity": "search_text"}
VECTOR_INDEX: Final = {"turn": "turn_embedding", "fact": "fact_embedding", "entity": "entity_embedding"}


def schema_statements(embedding_dim: int) -> list[tuple[str, str]]:
    """``(file name, statement)`` for every schema file, in order, with the vector dimension
    filled in (an int we validate — the only text substitution in kgmem's Cypher)."""
    if not isinstance(embedding_dim, int) or not 1 <= embedding_dim <= 4096:
        raise ValueError(f"embedding dimension must be an integer in 1..4096, got {embedding_dim!r}")
    folder = SCHEMA_DIR
    out: list[tuple[str, str]] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".cypher"):
            continue
        text = entry.read_text(encoding="utf-8").replace("{embedding_dim}", str(embedding_dim))
        body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
        out.extend((entry.name, stmt.strip()) for stmt in body.split(";") if stmt.strip())
    return out


# --------------------------------------------------------------------------- schema bookkeeping

READ_SCHEMA: Final = f"MATCH (s:{SCHEMA_NODE} {{key: 'kgmem'}}) RETURN s.version AS version, s.embedding_dim AS embedding_dim"
WRITE_SCHEMA: Final = f"""
MERGE (s:{SCHEMA_NODE} {{key: 'kgmem'}})
SET s.version = $version, s.embedding_dim = $embedding_dim, s.applied_at = localdatetime()
"""
DROP_VECTOR_INDEX: Final = {kind: f"DROP INDEX {name} IF EXISTS" for kind, name in VECTOR_INDEX.items()}
AWAIT_INDEXES: Final = "CALL db.awaitIndexes($timeout_s)"
SHOW_INDEXES: Final = "SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties RETURN name, type, state, labelsOrTypes, properties ORDER BY name"
SERVER_VERSION: Final = "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition"

# --------------------------------------------------------------------------- validation reads

#: ids claimed by this write that already exist with another kind
KIND_CONFLICTS: Final = f"""
UNWIND $claims AS c
MATCH (n:{NODE} {{user_id: $user_id, id: c.id}})
WHERE NOT c.label IN labels(n)
RETURN c.id AS id, c.label AS wanted, [l IN labels(n) WHERE l <> '{NODE}'][0] AS found
"""
#: referenced ids (not in the write) that are missing or of another kind
MISSING_REFS: Final = f"""
UNWIND $refs AS r
OPTIONAL MATCH (n:{NODE} {{user_id: $user_id, id: r.id}})
WITH r, n WHERE n IS NULL OR NOT r.label IN labels(n)
RETURN r.id AS id, r.label AS label
"""
#: the dimension of one stored vector (None while the database holds none)
ANY_EMBEDDING_DIM: Final = f"""
MATCH (n:{NODE}) WHERE n.embedding IS NOT NULL
RETURN size(n.embedding) AS dim LIMIT 1
"""

# --------------------------------------------------------------------------- writes (one tx per apply)

#: the user, the session and its turns (with their vectors) in one statement
MERGE_SESSION_TURNS: Final = f"""
MERGE (u:{NODE}:{USER} {{user_id: $user_id, id: $user_id}})
MERGE (s:{NODE}:{SESSION} {{user_id: $user_id, id: $session_id}})
SET s.started_at = $started_at, s.source_id = $source_id
MERGE (s)-[:{OF_USER}]->(u)
WITH s
UNWIND $rows AS row
MERGE (t:{NODE}:{TURN} {{user_id: $user_id, id: row.id}})
SET t.session_id = row.session_id, t.idx = row.idx, t.role = row.role, t.text = row.text,
    t.user_key = $user_key, t.embedding = coalesce(row.embedding, t.embedding)
MERGE (t)-[:{IN_SESSION}]->(s)
"""
MERGE_ENTITIES: Final = f"""
UNWIND $rows AS row
MERGE (e:{NODE}:{ENTITY} {{user_id: $user_id, id: row.id}})
SET e.name = row.name, e.type = row.type, e.aliases = row.aliases,
    e.search_text = row.search_text, e.user_key = $user_key,
    e.embedding = coalesce(row.embedding, e.embedding)
"""
#: facts with their vectors, and their out-edges replaced wholesale (a re-applied fact never
#: keeps stale links); a later invalidation survives re-applying an earlier session
MERGE_FACTS: Final = f"""
UNWIND $rows AS row
MERGE (f:{NODE}:{FACT} {{user_id: $user_id, id: row.id}})
SET f.subject_id = row.subject_id, f.predicate = row.predicate, f.object_id = row.object_id,
    f.value = row.value, f.text = row.text, f.valid_from = row.valid_from,
    f.valid_to = row.valid_to, f.granularity = row.granularity, f.observed_at = row.observed_at,
    f.invalid_at = CASE WHEN row.invalid_at IS NULL THEN f.invalid_at ELSE row.invalid_at END,
    f.confidence = row.confidence, f.speaker = row.speaker, f.session_id = row.session_id,
    f.source_turn_ids = row.source_turn_ids, f.user_key = $user_key,
    f.embedding = coalesce(row.embedding, f.embedding)
WITH f, row
CALL (f) {{
  OPTIONAL MATCH (f)-[r:{SUBJECT}|{OBJECT}|{FROM_TURN}]->()
  DELETE r
}}
CALL (f, row) {{
  MATCH (e:{ENTITY} {{user_id: $user_id, id: row.subject_id}})
  MERGE (f)-[:{SUBJECT}]->(e)
}}
CALL (f, row) {{
  MATCH (e:{ENTITY} {{user_id: $user_id, id: row.object_id}})
  MERGE (f)-[:{OBJECT}]->(e)
}}
CALL (f, row) {{
  UNWIND row.source_turn_ids AS tid
  MATCH (t:{TURN} {{user_id: $user_id, id: tid}})
  MERGE (f)-[:{FROM_TURN}]->(t)
}}
"""
#: removed before additions, so one write may re-link an edge with a new `at`
RETRACT_SUPERSEDES: Final = f"""
UNWIND $rows AS row
MATCH (new:{FACT} {{user_id: $user_id, id: row.new_id}})-[r:{SUPERSEDES}]->(old:{FACT} {{user_id: $user_id, id: row.old_id}})
DELETE r
"""
MERGE_SUPERSEDES: Final = f"""
UNWIND $rows AS row
MATCH (new:{FACT} {{user_id: $user_id, id: row.new_id}})
MATCH (old:{FACT} {{user_id: $user_id, id: row.old_id}})
MERGE (new)-[r:{SUPERSEDES}]->(old)
SET r.at = row.at
"""
SET_INVALID_AT: Final = f"""
UNWIND $rows AS row
MATCH (f:{FACT} {{user_id: $user_id, id: row.id}})
SET f.invalid_at = row.at
"""
#: vectors of nodes that are not (re)written by this apply (rare: a later re-embedding)
SET_EMBEDDINGS: Final = {
    kind: f"""
UNWIND $rows AS row
MATCH (n:{label} {{user_id: $user_id, id: row.id}})
SET n.embedding = row.embedding
"""
    for kind, label in KIND_LABEL.items()
}

# (Session)-[:NEXT]->(Session) in (started_at, id) order, relinked locally around one session
SESSION_NEXT_STATE: Final = f"""
MATCH (s:{SESSION} {{user_id: $user_id, id: $session_id}})
OPTIONAL MATCH (p0:{SESSION})-[:{NEXT}]->(s)
OPTIONAL MATCH (s)-[:{NEXT}]->(n0:{SESSION})
CALL (s) {{
  OPTIONAL MATCH (p:{SESSION} {{user_id: $user_id}})
  WHERE p.id <> s.id AND (p.started_at < s.started_at OR (p.started_at = s.started_at AND p.id < s.id))
  RETURN p.id AS want_prev ORDER BY p.started_at DESC, p.id DESC LIMIT 1
}}
CALL (s) {{
  OPTIONAL MATCH (n:{SESSION} {{user_id: $user_id}})
  WHERE n.id <> s.id AND (n.started_at > s.started_at OR (n.started_at = s.started_at AND n.id > s.id))
  RETURN n.id AS want_next ORDER BY n.started_at, n.id LIMIT 1
}}
RETURN p0.id AS prev_id, n0.id AS next_id, want_prev, want_next
"""
UNLINK_SESSION_NEXT: Final = f"""
MATCH (s:{SESSION} {{user_id: $user_id, id: $session_id}})-[r:{NEXT}]-()
DELETE r
"""
UNLINK_NEXT_PAIR: Final = f"""
MATCH (a:{SESSION} {{user_id: $user_id, id: $a}})-[r:{NEXT}]->(b:{SESSION} {{user_id: $user_id, id: $b}})
DELETE r
"""
LINK_NEXT_PAIR: Final = f"""
MATCH (a:{SESSION} {{user_id: $user_id, id: $a}})
MATCH (b:{SESSION} {{user_id: $user_id, id: $b}})
MERGE (a)-[:{NEXT}]->(b)
"""

DELETE_USER: Final = f"""
MATCH (n:{NODE} {{user_id: $user_id}})
WITH collect(n) AS nodes
FOREACH (n IN nodes | DETACH DELETE n)
RETURN size(nodes) AS removed
"""

# --------------------------------------------------------------------------- reads

USERS: Final = f"MATCH (u:{USER}) RETURN u.id AS id ORDER BY id"
HAS_SESSION: Final = f"MATCH (s:{SESSION} {{user_id: $user_id, id: $session_id}}) RETURN count(s) > 0 AS found"
SESSIONS: Final = f"""
MATCH (s:{SESSION} {{user_id: $user_id}})
RETURN s {{.id, .user_id, .started_at, .source_id}} AS s ORDER BY s.started_at, s.id
"""
TURNS: Final = f"""
MATCH (t:{TURN} {{user_id: $user_id}})
WHERE ($ids IS NULL OR t.id IN $ids) AND ($session_id IS NULL OR t.session_id = $session_id)
OPTIONAL MATCH (t)-[:{IN_SESSION}]->(s:{SESSION})
RETURN t {{.id, .session_id, .idx, .role, .text}} AS t
ORDER BY s.started_at, t.session_id, t.idx, t.id
"""
ENTITIES: Final = f"""
MATCH (e:{ENTITY} {{user_id: $user_id}})
WHERE $ids IS NULL OR e.id IN $ids
RETURN e {{.id, .user_id, .name, .type, .aliases}} AS e ORDER BY e.id
"""
#: FactFilter: every clause is null-guarded, so one cached plan serves every filter combination
FACTS: Final = f"""
MATCH (f:{FACT} {{user_id: $user_id}})
WHERE ($ids IS NULL OR f.id IN $ids)
  AND ($subject_id IS NULL OR f.subject_id = $subject_id)
  AND ($predicate IS NULL OR f.predicate = $predicate)
  AND ($object_id IS NULL OR f.object_id = $object_id)
  AND ($session_id IS NULL OR f.session_id = $session_id)
  AND ($observed_from IS NULL OR f.observed_at >= $observed_from)
  AND ($observed_to IS NULL OR f.observed_at <= $observed_to)
  AND ($valid_at IS NULL OR ((f.valid_from IS NULL OR f.valid_from <= $valid_at)
                             AND (f.valid_to IS NULL OR f.valid_to >= $valid_at)))
  AND ($as_of IS NULL OR (f.observed_at <= $as_of AND (f.invalid_at IS NULL OR f.invalid_at > $as_of)))
  AND (NOT $current_only OR f.invalid_at IS NULL)
RETURN f {{.id, .user_id, .subject_id, .predicate, .object_id, .value, .text, .valid_from, .valid_to,
          .granularity, .observed_at, .invalid_at, .confidence, .speaker, .session_id,
          .source_turn_ids}} AS f
ORDER BY f.observed_at, f.id
"""
SUPERSESSIONS: Final = f"""
MATCH (new:{FACT} {{user_id: $user_id}})-[r:{SUPERSEDES}]->(old:{FACT})
RETURN new.id AS new_id, old.id AS old_id, r.at AS at ORDER BY at, new_id, old_id
"""
#: the slot's connected SUPERSEDES component and its edges (ordered in Python)
SUPERSESSION_COMPONENT: Final = f"""
MATCH (f:{FACT} {{user_id: $user_id, id: $fact_id}})
OPTIONAL MATCH (f)-[:{SUPERSEDES}*1..]-(g:{FACT})
WITH f, collect(DISTINCT g) AS others
WITH [f] + others AS members
UNWIND members AS m
OPTIONAL MATCH (m)-[:{SUPERSEDES}]->(o:{FACT})
WHERE o IN members
RETURN m.id AS id, m.observed_at AS observed_at, collect(o.id) AS older
"""
NEIGHBOURS: Final = f"""
MATCH (n:{NODE} {{user_id: $user_id, id: $node_id}})--(m)
WHERE m.user_id = $user_id AND m.id <> $node_id
RETURN DISTINCT m.id AS id ORDER BY id
"""

#: exact per-user cosine; Neo4j's vector.similarity.cosine returns (1 + cos) / 2
VECTOR_SEARCH_EXACT: Final = {
    kind: f"""
MATCH (n:{label} {{user_id: $user_id}})
WHERE n.embedding IS NOT NULL
WITH n.id AS id, vector.similarity.cosine(n.embedding, $vector) AS s
RETURN id, 2.0 * s - 1.0 AS score ORDER BY score DESC, id LIMIT $k
"""
    for kind, label in KIND_LABEL.items()
}
#: approximate: the shared vector index, oversampled, then this user's nodes (benchmark only)
VECTOR_SEARCH_INDEX: Final = """
CALL db.index.vector.queryNodes($index, $candidates, $vector) YIELD node, score
WHERE node.user_id = $user_id
RETURN node.id AS id, 2.0 * score - 1.0 AS score ORDER BY score DESC, id LIMIT $k
"""
#: Lucene query built by kgmem.store.neo4j_store.lucene_query (terms escaped and quoted)
TEXT_SEARCH: Final = """
CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
WHERE node.user_id = $user_id
RETURN node.id AS id, score ORDER BY score DESC, id LIMIT $k
"""

COUNT_BY_USER: Final = {
    "sessions": f"MATCH (n:{SESSION}) WHERE $user_id IS NULL OR n.user_id = $user_id RETURN n.user_id AS user_id, count(*) AS c",
    "turns": f"MATCH (n:{TURN}) WHERE $user_id IS NULL OR n.user_id = $user_id RETURN n.user_id AS user_id, count(*) AS c",
    "entities": f"MATCH (n:{ENTITY}) WHERE $user_id IS NULL OR n.user_id = $user_id RETURN n.user_id AS user_id, count(*) AS c",
    "facts": f"MATCH (n:{FACT}) WHERE $user_id IS NULL OR n.user_id = $user_id RETURN n.user_id AS user_id, count(*) AS c",
    "supersessions": f"MATCH (n:{FACT})-[:{SUPERSEDES}]->() WHERE $user_id IS NULL OR n.user_id = $user_id RETURN n.user_id AS user_id, count(*) AS c",
}
