"""Access-log room: the verifier's COPY line — its columns, the SELECT lists that write it, and an
entry's canonical JSON built from a line field by field (COPY escapes undone, JSON escapes as
``json.dumps`` writes them) for a line the plain path of ``walk`` does not take."""

from __future__ import annotations

import re
from json.encoder import encode_basestring_ascii as _quote

from adapters.postgres.audit.rows import PLAN

ENTRY = 1  # the entry's columns follow the link's prev, in sorted key order
AT = ENTRY + [kind for _, _, kind in PLAN].index("at")
HASH = ENTRY + len(PLAN)
POSITION, ID, MISSING = HASH + 1, HASH + 2, HASH + 3
WIDTH = MISSING + 1
# What comes before each entry column in the canonical JSON (each value in quotes).
KEYS = tuple(
    (("{" if i == 0 else '",') + f'"{key}":"').encode() for i, (key, _, _) in enumerate(PLAN)
)


def select(link: str, entry: str) -> str:
    """The line's columns, the link's named with ``link`` and the entry's with ``entry`` before
    each column name."""
    entries = "".join(f", {entry}{column}" for _, column, _ in PLAN)
    return (
        f"encode({link}prev_hash, 'hex'){entries}, encode({link}hash, 'hex'),"
        f" {link}position, {link}entry_id, {entry}id IS NULL"
    )


def iso(text: bytes) -> bytes:
    """``datetime.isoformat`` of a UTC ``timestamptz`` in COPY text (DateStyle ISO, TimeZone
    UTC: ``2026-01-01 00:00:00.037+00``); any other shape (a year past 9999, BC, infinity)
    is returned as it is, which no entry's sealed form can match (it is rechecked)."""
    if text[10:11] != b" " or text[-3:] != b"+00" or text[4:5] != b"-":
        return text
    if len(text) == 22:
        return text[:10] + b"T" + text[11:19] + b"+00:00"
    if 24 <= len(text) <= 29 and text[19:20] == b".":
        return text[:10] + b"T" + text[11:-3].ljust(15, b"0") + b"+00:00"
    return text


_COPY = re.compile(r"\\(.)")
_COPY_CHARS = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _unescape(value: str) -> str:
    return _COPY.sub(lambda m: _COPY_CHARS.get(m.group(1), m.group(1)), value)


def canonical_of_line(f: list[str]) -> str:
    """``prev`` and the canonical JSON of the line's entry: what its link hashes."""
    parts = []
    for n, (key, _, kind) in enumerate(PLAN, start=ENTRY):
        value = f[n]
        if value == "\\N":
            form = "null"
        elif kind == "uuid":
            form = f'"{value}"'
        elif kind == "at":
            form = '"' + iso(value.encode()).decode() + '"'
        else:
            form = _quote(_unescape(value))
        parts.append(f'"{key}":{form}')
    return f[0] + "{" + ",".join(parts) + "}"
