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
#: display label of Fact nodes a later statement superseded (the Browser style greys them)
SUPERSEDED: Final = "Superseded"

OF_USER: Final = "OF_USER"
IN_SESSION: Final = "IN_SESSION"
NEXT: Final = "NEXT"
SUBJECT: Final = "SUBJECT"
OBJECT: Final = "OBJECT"
FROM_TURN: Final = "FROM_TURN"
SUPERSEDES: Final = "SUPERSEDES"

#: bump with a new ``schemas/neo4j/NNN_*.cypher`` file (v2: Fact captions and the Superseded label)
SCHEMA_VERSION: Final = 2

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


#: ids claimed by a batch that already exist (rows carry their user): their kind, so conflicts
#: are errors and existing nodes are updated (MERGE) while the rest is created (CREATE)
EXISTING_CLAIMS: Final = f"""
UNWIND $claims AS c
MATCH (n:{NODE} {{user_id: c.user_id, id: c.id}})
RETURN c.user_id AS user_id, c.id AS id, c.label AS wanted,
       [l IN labels(n) WHERE l IN ['{USER}', '{SESSION}', '{TURN}', '{ENTITY}', '{FACT}']][0] AS found
"""
#: referenced ids (not claimed by the batch) that are missing or of another kind
MISSING_REFS: Final = f"""
UNWIND $refs AS r
OPTIONAL MATCH (n:{NODE} {{user_id: r.user_id, id: r.id}})
WITH r, n WHERE n IS NULL OR NOT r.label IN labels(n)
RETURN r.user_id AS user_id, r.id AS id, r.label AS label
"""
#: the dimension of one stored vector (None while the database holds none)
ANY_EMBEDDING_DIM: Final = f"""
MATCH (n:{NODE}) WHERE n.embedding IS NOT NULL
RETURN size(n.embedding) AS dim LIMIT 1
"""

# --------------------------------------------------------------------------- batched writes
# One transaction per batch of SessionWrites (kgmem.store.neo4j_write plans the rows). Every row
# carries its user_id, so one statement serves many users. Nodes known to be new are CREATEd
# (with their relationships); nodes that already exist are MERGEd and updated.

#: the display caption of a Fact in Neo4j Browser: predicate, value and the date it was said
#: (the same expression backfills older facts in schemas/neo4j/005_browser.cypher)
FACT_CAPTION: Final = "row.predicate + ': ' + coalesce(row.value, row.text) + ' · ' + toString(date(row.observed_at))"

MERGE_USERS: Final = f"""
UNWIND $user_ids AS uid
MERGE (:{NODE}:{USER} {{user_id: uid, id: uid}})
"""
#: new sessions and all their turns (with vectors), created in one pass
CREATE_SESSIONS: Final = f"""
UNWIND $rows AS row
MATCH (u:{USER} {{user_id: row.user_id, id: row.user_id}})
CREATE (s:{NODE}:{SESSION} {{user_id: row.user_id, id: row.id, started_at: row.started_at,
                            source_id: row.source_id}})
CREATE (s)-[:{OF_USER}]->(u)
WITH s, row
UNWIND row.turns AS t
CREATE (n:{NODE}:{TURN} {{user_id: row.user_id, id: t.id, session_id: t.session_id, idx: t.idx,
                         role: t.role, text: t.text, user_key: row.user_key, embedding: t.embedding}})
CREATE (n)-[:{IN_SESSION}]->(s)
"""
#: sessions that may exist (a re-applied write): merged, turns merged, vectors kept when absent
MERGE_SESSIONS: Final = f"""
UNWIND $rows AS row
MATCH (u:{USER} {{user_id: row.user_id, id: row.user_id}})
MERGE (s:{NODE}:{SESSION} {{user_id: row.user_id, id: row.id}})
SET s.started_at = row.started_at, s.source_id = row.source_id
MERGE (s)-[:{OF_USER}]->(u)
WITH s, row
UNWIND row.turns AS t
MERGE (n:{NODE}:{TURN} {{user_id: row.user_id, id: t.id}})
SET n.session_id = t.session_id, n.idx = t.idx, n.role = t.role, n.text = t.text,
    n.user_key = row.user_key, n.embedding = coalesce(t.embedding, n.embedding)
MERGE (n)-[:{IN_SESSION}]->(s)
"""
CREATE_ENTITIES: Final = f"""
UNWIND $rows AS row
CREATE (:{NODE}:{ENTITY} {{user_id: row.user_id, id: row.id, name: row.name, type: row.type,
                          aliases: row.aliases, search_text: row.search_text,
                          user_key: row.user_key, embedding: row.embedding}})
"""
MERGE_ENTITIES: Final = f"""
UNWIND $rows AS row
MERGE (e:{NODE}:{ENTITY} {{user_id: row.user_id, id: row.id}})
SET e.name = row.name, e.type = row.type, e.aliases = row.aliases,
    e.search_text = row.search_text, e.user_key = row.user_key,
    e.embedding = coalesce(row.embedding, e.embedding)
"""
_FACT_LINKS: Final = f"""
CALL (f, row) {{
  MATCH (e:{ENTITY} {{user_id: row.user_id, id: row.subject_id}})
  CREATE (f)-[:{SUBJECT}]->(e)
}}
CALL (f, row) {{
  MATCH (e:{ENTITY} {{user_id: row.user_id, id: row.object_id}})
  CREATE (f)-[:{OBJECT}]->(e)
}}
CALL (f, row) {{
  UNWIND row.source_turn_ids AS tid
  MATCH (t:{TURN} {{user_id: row.user_id, id: tid}})
  CREATE (f)-[:{FROM_TURN}]->(t)
}}
"""
#: new facts with their vectors and out-edges; superseded ones also get the Superseded label
CREATE_FACTS: Final = f"""
UNWIND $rows AS row
CREATE (f:{NODE}:{FACT} {{user_id: row.user_id, id: row.id, subject_id: row.subject_id,
    predicate: row.predicate, object_id: row.object_id, value: row.value, text: row.text,
    valid_from: row.valid_from, valid_to: row.valid_to, granularity: row.granularity,
    observed_at: row.observed_at, invalid_at: row.invalid_at, confidence: row.confidence,
    speaker: row.speaker, session_id: row.session_id, source_turn_ids: row.source_turn_ids,
    user_key: row.user_key, embedding: row.embedding,
    caption: {FACT_CAPTION}}})
FOREACH (_ IN CASE WHEN row.invalid_at IS NULL THEN [] ELSE [1] END | SET f:{SUPERSEDED})
WITH f, row
{_FACT_LINKS}
"""
#: facts that exist: properties updated and out-edges replaced wholesale (a re-applied fact never
#: keeps stale links); a stored invalidation survives re-applying an earlier session
MERGE_FACTS: Final = f"""
UNWIND $rows AS row
MERGE (f:{NODE}:{FACT} {{user_id: row.user_id, id: row.id}})
SET f.subject_id = row.subject_id, f.predicate = row.predicate, f.object_id = row.object_id,
    f.value = row.value, f.text = row.text, f.valid_from = row.valid_from,
    f.valid_to = row.valid_to, f.granularity = row.granularity, f.observed_at = row.observed_at,
    f.invalid_at = CASE WHEN row.invalid_at IS NULL THEN f.invalid_at ELSE row.invalid_at END,
    f.confidence = row.confidence, f.speaker = row.speaker, f.session_id = row.session_id,
    f.source_turn_ids = row.source_turn_ids, f.user_key = row.user_key,
    f.embedding = coalesce(row.embedding, f.embedding),
    f.caption = {FACT_CAPTION}
FOREACH (_ IN CASE WHEN f.invalid_at IS NULL THEN [] ELSE [1] END | SET f:{SUPERSEDED})
WITH f, row
CALL (f) {{
  OPTIONAL MATCH (f)-[r:{SUBJECT}|{OBJECT}|{FROM_TURN}]->()
  DELETE r
}}
{_FACT_LINKS}
"""
#: removed before additions, so one batch may re-link an edge with a new `at`
RETRACT_SUPERSEDES: Final = f"""
UNWIND $rows AS row
MATCH (new:{FACT} {{user_id: row.user_id, id: row.new_id}})-[r:{SUPERSEDES}]->(old:{FACT} {{user_id: row.user_id, id: row.old_id}})
DELETE r
"""
MERGE_SUPERSEDES: Final = f"""
UNWIND $rows AS row
MATCH (new:{FACT} {{user_id: row.user_id, id: row.new_id}})
MATCH (old:{FACT} {{user_id: row.user_id, id: row.old_id}})
MERGE (new)-[r:{SUPERSEDES}]->(old)
SET r.at = row.at
"""
SET_INVALID_AT: Final = f"""
UNWIND $rows AS row
MATCH (f:{FACT} {{user_id: row.user_id, id: row.id}})
SET f.invalid_at = row.at, f:{SUPERSEDED}
"""
#: vectors of nodes that are not (re)written by this batch (rare: a later re-embedding)
SET_EMBEDDINGS: Final = {
    kind: f"""
UNWIND $rows AS row
MATCH (n:{label} {{user_id: row.user_id, id: row.id}})
SET n.embedding = row.embedding
"""
    for kind, label in KIND_LABEL.items()
}

# (Session)-[:NEXT]->(Session) in (started_at, id) order: the batch reads the touched users'
# sessions and their NEXT edges, and fixes the differences (ordered in Python, like networkx)
SESSION_CHAINS: Final = f"""
UNWIND $user_ids AS uid
MATCH (s:{SESSION} {{user_id: uid}})
OPTIONAL MATCH (s)-[:{NEXT}]->(n:{SESSION})
RETURN uid AS user_id, s.id AS id, s.started_at AS started_at, collect(n.id) AS next_ids
"""
UNLINK_NEXT: Final = f"""
UNWIND $rows AS row
MATCH (a:{SESSION} {{user_id: row.user_id, id: row.a}})-[r:{NEXT}]->(b:{SESSION} {{user_id: row.user_id, id: row.b}})
DELETE r
"""
LINK_NEXT: Final = f"""
UNWIND $rows AS row
MATCH (a:{SESSION} {{user_id: row.user_id, id: row.a}})
MATCH (b:{SESSION} {{user_id: row.user_id, id: row.b}})
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
#: the texts kgmem's own BM25 scores (the embedded store's documents: turn and fact text, an
#: entity's name and aliases), in id order, and their count (the cache stamp)
TEXT_DOCS: Final = {
    kind: f"MATCH (n:{label} {{user_id: $user_id}}) RETURN n.id AS id, n.{FULLTEXT_FIELD[kind]} AS text ORDER BY id"
    for kind, label in KIND_LABEL.items()
}
TEXT_DOC_COUNT: Final = {
    kind: f"MATCH (n:{label} {{user_id: $user_id}}) RETURN count(n) AS c" for kind, label in KIND_LABEL.items()
}
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
