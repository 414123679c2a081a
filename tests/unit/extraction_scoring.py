"""Counting shared by the extraction-set tests and benches (hand-written sets, paraphrases, held-out)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CategoryScore:
    """Expected facts found (recall) and extracted facts that match (precision) of one set or category,
    with the misses and false positives listed for the scripts that print them."""

    expected: int = 0
    found: int = 0
    extracted: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 1.0

    def add(self, other: CategoryScore) -> None:
        """Add another score's counts to this one (a total over categories)."""
        self.expected += other.expected
        self.found += other.found
        self.extracted += other.extracted
        self.correct += other.correct
