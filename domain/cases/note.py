"""Cases domain room: case notes (tagged with category and source regime) and the duty prompts a
note about suspected abuse, neglect or serious crime shows — the system records, never decides."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from domain.cases.regimes import Category, SourceRegime


class DutyTag(enum.StrEnum):
    SUSPECTED_ABUSE = "suspected_abuse"
    SUSPECTED_NEGLECT = "suspected_neglect"
    SERIOUS_CRIME = "serious_crime"


class Duty(enum.StrEnum):
    REPORT_TO_CHILD_WELFARE = "report_to_child_welfare"  # meldeplikt, bvl § 13-2
    AVERT_CRIME = "avert_crime"  # avvergingsplikt, strl § 196


class DutyAnswerKind(enum.StrEnum):
    WILL_REPORT = "will_report"
    ALREADY_REPORTED = "already_reported"
    NOT_APPLICABLE = "not_applicable"
    UNSURE = "unsure"


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    id: UUID
    case_id: UUID
    author_person_id: UUID | None
    organisation_id: UUID  # the source organisation (the author's on the case)
    category: Category
    regime: SourceRegime
    text: str = field(repr=False)
    duty_tags: frozenset[DutyTag] = frozenset()
    written_at: datetime
    prompted: tuple[Duty, ...] = ()  # the duties shown when the note was written


@dataclass(frozen=True, slots=True, kw_only=True)
class DutyPrompt:
    """A duty shown to the author, with its citation and guidance (versioned policy data)."""

    duty: Duty
    citation: str
    guidance: dict[str, str]  # language (nb | nn | en) → guidance text
    policy_version: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DutyAnswer:
    """The author's answer to a prompted duty. Append-only: a later answer is a new row, the
    latest per duty counts."""

    id: UUID
    note_id: UUID
    duty: Duty
    answer: DutyAnswerKind
    answered_by: UUID | None
    at: datetime
