"""Knowledge unit tests room: THE table of bad rows — one or more per row error code — that the
pure validator (``test_rows``) and the SQL validation (``tests/repositories/knowledge``) both
run. Context: the unit has indicator ``ind.a``, area ``sentrum`` and municipality ``0301``."""

from __future__ import annotations

from domain.knowledge.model import ImportKind
from domain.knowledge.rows import RowContext

K = ImportKind
CONTEXT = RowContext(
    indicators=frozenset({"ind.a"}),
    areas=frozenset({"sentrum"}),
    municipalities=frozenset({"0301"}),
)
KEY = "sa8Hd7sk_29-xk"  # a pseudonymous subject key
_SHA = "9f2c01010112345670" + "ab" * 23  # 64 hex digits with 12 digits in a row

# A valid row per kind; each case below changes one cell.
GOOD: dict[ImportKind, dict[str, str]] = {
    K.INDICATORS: {
        "code": "ind.b", "name": "Indikator", "source": "ungdata", "category": "school",
        "measure_unit": "percent", "factors": "bullying,trusted-adult", "description": "",
        "higher_is_better": "ja",
    },
    K.AREAS: {"code": "nord", "name": "Nord", "municipality": "0301", "kind": ""},
    K.POPULATIONS: {"area": "sentrum", "year": "2025", "age_band": "14-15", "residents": "120"},
    K.OBSERVATIONS: {
        "indicator": "ind.a", "area": "sentrum", "period": "2025H1", "cohort": "", "gender": "",
        "value": "12,5", "count": "3", "denominator": "24",
    },
    K.EVENTS: {
        "external_id": "E-1", "category": "violence", "area": "sentrum", "age_band": "14-15",
        "occurred_on": "03.02.2025", "subject_key": KEY,
    },
}  # fmt: skip

# (case id, kind, column, bad cell, expected code)
CASES: list[tuple[str, ImportKind, str, str, str]] = [
    ("required", K.AREAS, "name", "  ", "required"),
    ("required-code", K.INDICATORS, "code", "", "required"),
    ("too-long", K.AREAS, "name", "x" * 201, "too-long"),
    ("too-long-municipality", K.AREAS, "municipality", "03011", "too-long"),
    ("not-a-number", K.OBSERVATIONS, "value", "12,5%", "not-a-number"),
    ("not-a-number-nan", K.OBSERVATIONS, "value", "NaN", "not-a-number"),
    ("not-a-number-thousands", K.OBSERVATIONS, "value", "1 000", "not-a-number"),
    ("not-an-integer", K.OBSERVATIONS, "count", "2.5", "not-an-integer"),
    ("not-an-integer-year", K.POPULATIONS, "year", "25", "not-an-integer"),
    ("negative", K.POPULATIONS, "residents", "-1", "negative"),
    ("negative-count", K.OBSERVATIONS, "count", "-3", "negative"),
    ("out-of-range-denominator", K.OBSERVATIONS, "denominator", "0", "out-of-range"),
    ("out-of-range-year", K.POPULATIONS, "year", "1800", "out-of-range"),
    ("out-of-range-value", K.OBSERVATIONS, "value", "1.1234567", "out-of-range"),
    ("bad-date", K.EVENTS, "occurred_on", "2025-02-30", "bad-date"),
    ("bad-date-format", K.EVENTS, "occurred_on", "02/03/2025", "bad-date"),
    ("bad-period", K.OBSERVATIONS, "period", "2025H3", "bad-period"),
    ("bad-code", K.AREAS, "code", "Nord Vest", "bad-code"),
    ("unknown-code", K.INDICATORS, "source", "twitter", "unknown-code"),
    ("unknown-code-factor", K.INDICATORS, "factors", "bullying,sunshine", "unknown-code"),
    ("unknown-code-gender", K.OBSERVATIONS, "gender", "other", "unknown-code"),
    ("unknown-code-category", K.EVENTS, "category", "murder", "unknown-code"),
    ("unknown-indicator", K.OBSERVATIONS, "indicator", "ind.zzz", "unknown-indicator"),
    ("unknown-indicator-malformed", K.OBSERVATIONS, "indicator", "IND A", "unknown-indicator"),
    ("unknown-area", K.EVENTS, "area", "vest", "unknown-area"),
    ("unknown-municipality", K.AREAS, "municipality", "3105", "unknown-municipality"),
    ("not-pseudonymous-short", K.EVENTS, "subject_key", "abc", "not-pseudonymous"),
    ("not-pseudonymous-nin", K.EVENTS, "subject_key", "01010112345", "not-pseudonymous"),
    ("not-pseudonymous-nin-inside", K.EVENTS, "subject_key", "x01010112345x", "not-pseudonymous"),
    ("not-pseudonymous-space", K.EVENTS, "subject_key", "Ola Nordmann", "not-pseudonymous"),
    ("not-pseudonymous-as-written", K.EVENTS, "subject_key", "p-010101_12345", "not-pseudonymous"),
    # Neither a digest (the hex part 31 digits, or a prefix of 17) nor a UUID (a 13-digit group)
    (
        "not-pseudonymous-short-hex",
        K.EVENTS,
        "subject_key",
        "0101011234" + "5" * 21,
        "not-pseudonymous",
    ),
    (
        "not-pseudonymous-long-prefix",
        K.EVENTS,
        "subject_key",
        "x" * 17 + "01010112345" + "a" * 21,
        "not-pseudonymous",
    ),
    (
        "not-pseudonymous-not-uuid",
        K.EVENTS,
        "subject_key",
        "0b6e16a4-2f1c-4b5e-9d1a-0101011234567",
        "not-pseudonymous",
    ),
    ("control-character", K.AREAS, "name", "Nord\x00", "control-character"),
    ("control-character-bell", K.INDICATORS, "description", "a\x07b", "control-character"),
    ("control-character-fffd", K.AREAS, "name", "Nord\ufffd", "control-character"),
]

# Accepted spellings: (kind, column, cell, canonical value)
ACCEPTED: list[tuple[ImportKind, str, str, str | None]] = [
    (K.OBSERVATIONS, "value", "12,5", "12.5"),
    (K.OBSERVATIONS, "value", " -0.25 ", "-0.25"),
    (K.OBSERVATIONS, "gender", "Jente", "female"),
    (K.OBSERVATIONS, "gender", "", "all"),
    (K.OBSERVATIONS, "cohort", "Alle", "all"),
    (K.OBSERVATIONS, "period", "2025h1", "2025H1"),
    (K.OBSERVATIONS, "count", "", None),
    (K.EVENTS, "occurred_on", "3.2.2025", "2025-02-03"),
    (K.EVENTS, "occurred_on", "2025-02-03", "2025-02-03"),
    (K.INDICATORS, "higher_is_better", "NEI", "false"),
    (K.INDICATORS, "higher_is_better", "1", "true"),
    (K.INDICATORS, "factors", " bullying , bullying,,trusted-adult", "bullying,trusted-adult"),
    (K.INDICATORS, "code", " Ind.B ", "ind.b"),
    (K.AREAS, "kind", "Kommune", "municipality"),
    (K.AREAS, "kind", "", "district"),
    (K.AREAS, "name", "Tab\tinne\nlinje", "Tab\tinne\nlinje"),
    # Keys of the form of a digest or a UUID: 11 digits in a row there are chance, not a number
    # (a SHA-256 in hex has them one time in four, a UUID's last group one in a hundred).
    (K.EVENTS, "subject_key", _SHA, _SHA),
    (K.EVENTS, "subject_key", "pseudo-" + _SHA.upper(), "pseudo-" + _SHA.upper()),
    (
        K.EVENTS,
        "subject_key",
        "0b6e16a4-2f1c-4b5e-9d1a-010101123456",
        "0b6e16a4-2f1c-4b5e-9d1a-010101123456",
    ),
    (K.EVENTS, "subject_key", "k01a2b3c4d5e6x", "k01a2b3c4d5e6x"),
]
