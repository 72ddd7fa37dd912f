"""Meetings domain room: decisions, numbered per body and year ("KOG 12/2026").

A decision is recorded under an agenda item while the minutes are a draft, without a number.
Numbers are given when the minutes are approved, in agenda order, from the gapless counter
behind ``DecisionRepository.next_decision_number`` — so a discarded draft decision leaves no gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from uuid import UUID

from domain.meetings.limits import BODY_CODE_MAX, TEXT_MAX
from domain.shared import validation as v
from domain.shared.errors import Errors

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionNumber:
    body_code: str
    sequence: int
    year: int

    def __post_init__(self) -> None:
        e = Errors()
        v.text(e, "bodyCode", self.body_code, required=True, max_len=BODY_CODE_MAX)
        if self.sequence < 1:
            e.add("sequence", "too-small", "Decision numbers start at 1.", {"min": 1})
        if not 2000 <= self.year <= 2100:
            e.add("year", "out-of-range", "A year 2000-2100.", {"min": 2000, "max": 2100})
        e.raise_if_any()

    @property
    def label(self) -> str:
        return f"{self.body_code} {self.sequence}/{self.year}"


def body_code(name: str) -> str:
    """A body's short code for decision labels: the initials of its name's words, upper case
    ("Koordinerende gruppe" → "KG"), or the first three letters of a one-word name
    ("Politirådet" → "POL"). The organisation context has no short-code field yet; when it gets
    one, that field wins and this stays the default."""
    words: list[str] = _WORD.findall(name)
    if not words:
        return "SLT"
    if len(words) == 1:
        return words[0][:3].upper()
    return "".join(w[0] for w in words)[:BODY_CODE_MAX].upper()


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    """One decision under an agenda item (open text: decisions are public within the minutes)."""

    id: UUID
    unit_id: UUID
    meeting_id: UUID
    agenda_item_id: UUID
    body_id: UUID
    text: str
    ordinal: int = 1  # the order it was recorded in within its meeting (numbers follow it per item)
    number: DecisionNumber | None = None
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "text", self.text, required=True, max_len=TEXT_MAX)
        if self.ordinal < 1:
            e.add("ordinal", "too-small", "Ordinals count from 1.", {"min": 1})
        e.raise_if_any()
