"""The verifier's COPY-text walk without a database: the plain path builds the same bytes as the
domain's canonical form, a stream cut anywhere walks alike, a COPY time is ``isoformat``, and a
line off the plain path is built field by field with COPY escapes undone."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from hashlib import sha256
from typing import Any
from uuid import uuid4

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.postgres.audit.lines import canonical_of_line, iso
from adapters.postgres.audit.rows import GENESIS, PLAN, canonical_of, values
from adapters.postgres.audit.walk import Stretch, plain
from tests.repositories.audit.conftest import START, entry

_ESCAPES = {
    "\\": "\\\\",
    "\t": "\\t",
    "\n": "\\n",
    "\r": "\\r",
    "\b": "\\b",
    "\f": "\\f",
    "\v": "\\v",
}


def _copy_time(at: datetime) -> str:
    """``timestamptz`` as COPY text writes it in UTC (trailing zeros of the fraction dropped)."""
    at = at.astimezone(UTC)
    text = f"{at.year:04d}-" + at.strftime("%m-%d %H:%M:%S")  # PostgreSQL pads the year
    if at.microsecond:
        text += f".{at.microsecond:06d}".rstrip("0")
    return text + "+00"


def _copy(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, datetime):
        return _copy_time(value)
    return "".join(_ESCAPES.get(c, c) for c in str(value))


def _stream(entries: list[Any]) -> tuple[bytes, list[str]]:
    """COPY lines of a sealed chain of ``entries``, and the chain's hashes."""
    prev, lines, hashes = GENESIS.hex(), [], []
    for n, e in enumerate(entries, start=1):
        row = values(e)
        stored = sha256(prev.encode() + canonical_of(row)).hexdigest()
        fields = [prev, *(_copy(row[column]) for _, column, _ in PLAN), stored, str(n), str(n), "f"]
        lines.append("\t".join(fields) + "\n")
        hashes.append(stored)
        prev = stored
    return "".join(lines).encode(), hashes


def _walk(data: bytes, cuts: list[int]) -> Stretch:
    s = Stretch()
    points = [0, *sorted(c % (len(data) + 1) for c in cuts), len(data)]
    for a, b in itertools.pairwise(points):
        s.feed(data[a:b])
    s.close()
    return s


def test_plain_and_escaped_lines_walk_clean() -> None:
    unit = uuid4()
    entries = [entry(unit, n, at=START + timedelta(microseconds=n * 137)) for n in range(6)]
    entries += [entry(unit, 6, actor_subject_key='a\tb\\c\nd"e\x01\x0b', category=None)]
    entries += [entry(unit, 7, actor_role="æøå ✓", consent_id=None, basis=None)]
    data, hashes = _stream(entries)
    assert not plain(data) and plain(data.split(b"\n")[0] + b"\n")
    s = _walk(data, [])
    assert (s.problems, s.recheck, s.links, s.last) == ([], [], 8, (8, hashes[-1]))
    assert s.first == (1, 1, GENESIS.hex())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**6), max_size=6))
def test_a_stream_cut_anywhere_walks_alike(cuts: list[int]) -> None:
    unit = uuid4()
    data, hashes = _stream([entry(unit, n, client="x" if n % 2 else None) for n in range(9)])
    s = _walk(data, cuts)
    assert (s.problems, s.recheck, s.links, s.last) == ([], [], 9, (9, hashes[-1]))


def test_a_changed_field_and_a_broken_link_are_found_at_their_lines() -> None:
    unit = uuid4()
    data, hashes = _stream([entry(unit, n) for n in range(5)])
    lines = data.decode().split("\n")
    lines[2] = lines[2].replace("follow_up", "follow_uq")
    lines[3] = lines[3].replace(hashes[2], "0" * 64, 1)  # position 4's prev
    s = _walk("\n".join(lines).encode(), [])
    assert s.problems == [("link-altered", 4, 4)]
    assert [r[0] for r in s.recheck] == [3, 4]  # recomputed from their rows before "changed"


@settings(max_examples=100, deadline=None)
@given(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)))
def test_a_copy_time_becomes_isoformat(at: datetime) -> None:
    at = at.replace(tzinfo=UTC)
    assert iso(_copy_time(at).encode()).decode() == at.isoformat()


def test_odd_times_are_left_for_the_row() -> None:
    for odd in (b"infinity", b"2026-01-01 00:00:00+00 BC", b"12026-01-01 00:00:00+00", b"\\N"):
        assert iso(odd) == odd


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30))
def test_a_line_off_the_plain_path_is_built_field_by_field(text: str) -> None:
    e = entry(uuid4(), 1, client=text, actor_role=text or None)
    row = values(e)
    fields = [GENESIS.hex(), *(_copy(row[column]) for _, column, _ in PLAN)]
    assert canonical_of_line(fields).encode() == GENESIS.hex().encode() + canonical_of(row)


def test_a_plain_chunk_with_text_json_escapes_is_left_for_the_rows() -> None:
    """Non-ASCII or a control character passes the plain check, renders unescaped and so cannot
    match its link: it is recomputed from its row, never reported from the rendering."""
    unit = uuid4()
    data, _ = _stream(
        [entry(unit, 1), entry(unit, 2, actor_role="æøå ✓"), entry(unit, 3, client="a\x01")]
    )
    assert plain(data)
    s = _walk(data, [])
    assert (s.problems, [r[0] for r in s.recheck], s.links) == ([], [2, 3], 3)
