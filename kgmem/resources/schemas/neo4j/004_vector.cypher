// kgmem schema v1 — vector indexes (cosine). {embedding_dim} is filled in by the migration with
// the configured embedder's dimension (an integer, validated; default 384 for all-MiniLM-L6-v2).
// Community 5.26 cannot filter a vector-index search by user, so per-user search scores the
// user's nodes exactly (see kgmem/store/cypher.py); these indexes serve whole-graph exploration
// and the benchmark's index-with-oversampling comparison.
CREATE VECTOR INDEX fact_embedding IF NOT EXISTS FOR (n:Fact) ON (n.embedding)
  OPTIONS {indexConfig: {`vector.dimensions`: {embedding_dim}, `vector.similarity_function`: 'cosine'}};
CREATE VECTOR INDEX turn_embedding IF NOT EXISTS FOR (n:Turn) ON (n.embedding)
  OPTIONS {indexConfig: {`vector.dimensions`: {embedding_dim}, `vector.similarity_function`: 'cosine'}};
CREATE VECTOR INDEX entity_embedding IF NOT EXISTS FOR (n:Entity) ON (n.embedding)
  OPTIONS {indexConfig: {`vector.dimensions`: {embedding_dim}, `vector.similarity_function`: 'cosine'}};
