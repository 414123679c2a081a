"""The zero-LLM tier's cache key changes with its source, so edited rules never reuse stale extractions."""

from __future__ import annotations

from pathlib import Path

from kgmem.extraction.zero.extractor import RULES_VERSION, RuleExtractor, source_digest


def _package(root: Path, body: str) -> Path:
    pkg = root / "pkg"
    pkg.mkdir(parents=True)
    (pkg / "a.py").write_text("X = 1\n", encoding="utf-8")
    (pkg / "b.py").write_text(body, encoding="utf-8")
    return pkg


def test_source_digest_follows_every_source_byte(tmp_path: Path) -> None:
    first = source_digest(_package(tmp_path / "one", "Y = 2\n"))
    assert first == source_digest(_package(tmp_path / "two", "Y = 2\n"))  # same source, same digest
    assert first != source_digest(_package(tmp_path / "three", "Y = 3\n"))  # one byte edited


def test_source_digest_follows_the_word_lists(tmp_path: Path) -> None:
    """rev11 M2: truecase's lists moved to a JSON file outside the package; an edited list must change the key."""
    pkg = _package(tmp_path / "code", "Y = 2\n")

    def lists(name: str, body: str) -> Path:
        root = tmp_path / name / "lexicon"
        root.mkdir(parents=True)
        (root / "words.json").write_text(body, encoding="utf-8")
        return root

    first = source_digest(pkg, (lists("one", '{"titles": ["dr"]}'),))
    assert first == source_digest(pkg, (lists("two", '{"titles": ["dr"]}'),))
    assert first != source_digest(pkg, (lists("three", '{"titles": ["dr", "prof"]}'),))
    assert first != source_digest(pkg, ())  # the lists are part of the digest


def test_cache_key_holds_the_version_and_the_source_digest() -> None:
    key = RuleExtractor(proposals=False).cache_key
    assert key.startswith(f"rules|{RULES_VERSION}|") and key.endswith(f"|src-{source_digest()}")


def test_the_declared_value_kinds_are_part_of_the_digest() -> None:
    """resources/predicates/value_kinds.json decides which carried values pass: an edit must change the key."""
    from kgmem.extraction.zero.extractor import WORD_LISTS

    assert any((root / "value_kinds.json").is_file() for root in WORD_LISTS)
