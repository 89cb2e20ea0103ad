"""Publication dates as written in news pages ("16 June 2021, 15:34", "Tuesday, September 21, 2021")."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
#: every spelling of a month the dates are read with, lower-case, without a full stop
MONTH_WORDS = frozenset(_MONTHS)
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _safe(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(line: str) -> str | None:
    """The ISO date on a short dateline, or None. Long prose lines are not datelines."""
    if len(line) > 80:
        return None
    if m := _ISO.search(line):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_MONTH_YEAR.search(line):
        return _safe(int(m[3]), _MONTHS[m[2].lower().rstrip(".")], int(m[1]))
    if m := _MONTH_DAY_YEAR.search(line):
        return _safe(int(m[3]), _MONTHS[m[1].lower().rstrip(".")], int(m[2]))
    return None


def normalize_date(value: str | None) -> str | None:
    """Accept ISO dates or timestamps (from JSONL) and written dates; keep the day only."""
    if not value:
        return None
    value = str(value).strip()
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", value):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    return find_date(value)
