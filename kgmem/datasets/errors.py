"""Dataset problems and the error that carries them.

Every message names the file, the record index, the question id (when known) and the field, so a
user can open the file and find the fault: ``data.json: record 3 (question_id 'q_12'): field
'haystack_dates'[2]: not a date like '2023/05/20 (Sat) 02:21': '2023/13/01'``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class DatasetProblem:
    """One thing wrong with a dataset file, located as precisely as the reader could."""

    file: str
    message: str
    record_index: int | None = None
    question_id: str | None = None
    #: field path, e.g. ``'haystack_sessions'[3][2].content``
    field: str | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.record_index is not None:
            where = f"record {self.record_index}"
            if self.question_id is not None:
                where += f" (question_id {self.question_id!r})"
            parts.append(where)
        if self.field is not None:
            parts.append(f"field {self.field}")
        parts.append(self.message)
        return ": ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (for ``kgmem data validate --json``)."""
        data = asdict(self)
        data["text"] = str(self)
        return data


class DatasetError(ValueError):
    """Bad dataset input. ``problems`` holds every problem known when it was raised."""

    def __init__(self, problems: DatasetProblem | list[DatasetProblem]) -> None:
        self.problems: list[DatasetProblem] = (
            [problems] if isinstance(problems, DatasetProblem) else list(problems)
        )
        if not self.problems:
            raise ValueError("DatasetError needs at least one problem")
        text = str(self.problems[0])
        if len(self.problems) > 1:
            text += f" (and {len(self.problems) - 1} more problem(s) in this record)"
        super().__init__(text)

    @property
    def problem(self) -> DatasetProblem:
        """The first (usually the only) problem."""
        return self.problems[0]
