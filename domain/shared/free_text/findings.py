"""Free-text guard room: what a recogniser reports (kind, exact span, matched text, score)."""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Kind(enum.StrEnum):
    """The kinds of personal data the guard recognises (PRIVACY.md § 4)."""

    IDENTITY_NUMBER = "identity_number"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    POSTCODE_PLACE = "postcode_place"
    DATE_OF_BIRTH = "date_of_birth"
    SCHOOL_CLASS = "school_class"
    LICENCE_PLATE = "licence_plate"
    REGISTERED_NAME = "registered_name"


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One piece of personal data: ``text[start:end] == matched``; ``score`` in (0, 1] says how sure.

    ``repr`` hides the matched text, so a finding that reaches a log line carries no personal data.
    """

    kind: Kind
    start: int
    end: int
    matched: str
    score: float

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end or len(self.matched) != self.end - self.start:
            raise ValueError("a finding's span must be non-empty and match its text")
        if not 0.0 < self.score <= 1.0:
            raise ValueError("a finding's score lies in (0, 1]")

    def __repr__(self) -> str:
        return (
            f"Finding(kind={self.kind.value}, start={self.start}, end={self.end}, "
            f"matched=***, score={self.score:.2f})"
        )

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end


def resolve(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Sorted by position; of two overlapping findings of one kind the stronger (then longer) stays.

    Findings of different kinds may overlap: each is reported, the highlights merge in the client.
    Kept spans of a kind never overlap, so a binary search over their starts finds a clash.
    """
    ranked = sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), f.start))
    kept: dict[Kind, tuple[list[int], list[Finding]]] = {}
    for finding in ranked:
        starts, spans = kept.setdefault(finding.kind, ([], []))
        at = bisect.bisect_left(starts, finding.start)
        if at > 0 and spans[at - 1].end > finding.start:
            continue
        if at < len(spans) and spans[at].start < finding.end:
            continue
        starts.insert(at, finding.start)
        spans.insert(at, finding)
    every = [f for _, spans in kept.values() for f in spans]
    return tuple(sorted(every, key=lambda f: (f.start, f.end, f.kind.value)))
