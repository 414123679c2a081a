"""Time: parsing, relative expressions, intervals and arithmetic — pure functions, naive datetimes.

The datasets write times as ``2023/05/20 (Sat) 02:21`` (naive local time); kgmem keeps them naive.
One resolver reads time expressions (:func:`find_time_expressions`, :func:`resolve_time`) for
extraction, question windows (:func:`question_window`) and answers; one :func:`describe_delta`
says a span in words.
"""

from __future__ import annotations

from kgmem.temporal.arithmetic import (
    days_between,
    describe_delta,
    months_between,
    span_in,
    weeks_between,
)
from kgmem.temporal.dates import (
    add_months,
    end_of_day,
    fmt_day,
    format_dataset_date,
    midnight,
    month_interval,
    parse_dataset_date,
    parse_local_datetime,
)
from kgmem.temporal.holidays import easter, holiday_date
from kgmem.temporal.resolve import find_time_expressions, resolve_time
from kgmem.temporal.types import ResolvedTime, TimeSpan
from kgmem.temporal.windows import question_window

__all__ = [
    "ResolvedTime", "TimeSpan", "add_months", "days_between", "describe_delta", "easter",
    "end_of_day", "find_time_expressions", "fmt_day", "format_dataset_date", "holiday_date",
    "midnight", "month_interval", "months_between", "parse_dataset_date", "parse_local_datetime", "question_window",
    "resolve_time", "span_in", "weeks_between",
]
