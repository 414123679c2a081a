// kgmem schema v1 — full-text (Lucene) indexes. `user_key` is a one-token hash of user_id, so a
// search is restricted to one user inside Lucene (`+user_key:u… +(text:…)`), not after it.
// standard-folding: lower-cased, accents folded (café = cafe), like the embedded BM25 index.
CREATE FULLTEXT INDEX turn_text IF NOT EXISTS FOR (n:Turn) ON EACH [n.text, n.user_key]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX fact_text IF NOT EXISTS FOR (n:Fact) ON EACH [n.text, n.user_key]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Entity) ON EACH [n.search_text, n.user_key]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
