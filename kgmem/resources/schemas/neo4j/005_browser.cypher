// kgmem schema v2 — what Neo4j Browser shows. Every Fact carries a `caption` (predicate, value and
// the date it was said: `lives_in: Seattle · 2023-04-20`, the same expression as the writes in
// kgmem/store/cypher.py) and facts a later statement superseded carry the `Superseded` label,
// which kgmem.grass draws grey. Backfills facts written by schema v1; idempotent.
MATCH (f:Fact) WHERE f.caption IS NULL
SET f.caption = f.predicate + ': ' + coalesce(f.value, f.text) + ' · ' + toString(date(f.observed_at));
MATCH (f:Fact) WHERE f.invalid_at IS NOT NULL AND NOT f:Superseded
SET f:Superseded;
MATCH (f:Superseded) WHERE f.invalid_at IS NULL
REMOVE f:Superseded;
