"""Fixtures for the document tests: one set of synthetic open minutes, rendered once per run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from adapters.documents.minutes import WeasyMinutesRenderer
from domain.shared.documents import (
    ActionItem,
    AgendaItem,
    AgendaKind,
    Attendee,
    Decision,
    OpenMinutes,
    Presence,
)

OSLO = ZoneInfo("Europe/Oslo")
# Text of the restricted layer (members of the body only): it must never reach a document.
RESTRICTED = "BEGRENSET-Q7X4-KUN-MEDLEMMER"


@dataclass(frozen=True)
class ItemRecord:
    """An agenda item as the meetings context keeps it: both layers side by side."""

    number: int
    title: str
    kind: AgendaKind
    open_summary: str
    restricted_summary: str
    decisions: tuple[Decision, ...] = ()
    action_items: tuple[ActionItem, ...] = ()


RECORDS = (
    ItemRecord(
        number=1,
        title="Godkjenning av innkalling og saksliste",
        kind=AgendaKind.DECISION,
        open_summary="Innkalling og saksliste ble godkjent uten merknader.",
        restricted_summary=f"{RESTRICTED}: drøftet en navngitt sak i lukket del.",
        decisions=(
            Decision(
                body_code="KOG", number=12, year=2026, text="Innkalling og saksliste godkjent."
            ),
        ),
    ),
    ItemRecord(
        number=2,
        title="Tiltaksplan for ungdom – Økern og Årvoll",
        kind=AgendaKind.DISCUSSION,
        open_summary=(
            "Koordinatoren orienterte om status.\nGruppa drøftet prioriteringer for høsten.\n\n"
            "Tiltak med <b>sommerjobb</b> & fritidskort videreføres."
        ),
        restricted_summary=f"Bekymring for enkeltpersoner ({RESTRICTED}).",
        decisions=(
            Decision(
                body_code="KOG",
                number=13,
                year=2026,
                text="Gruppa ber koordinatoren legge fram revidert plan i neste møte.",
            ),
        ),
        action_items=(
            ActionItem(
                text="Revidere tiltaksplanen med innspill fra møtet",
                owner="Åse Prøveby",
                due=date(2027, 1, 15),
            ),
        ),
    ),
    ItemRecord(
        number=3,
        title="Eventuelt",
        kind=AgendaKind.INFORMATION,
        open_summary="Ingen saker.",
        restricted_summary=RESTRICTED,
    ),
)


def open_layer(record: ItemRecord) -> AgendaItem:
    """What the meetings context will do: pick the open layer, field by field."""
    return AgendaItem(
        number=record.number,
        title=record.title,
        kind=record.kind,
        summary=record.open_summary,
        decisions=record.decisions,
        action_items=record.action_items,
    )


def minutes(**overrides: object) -> OpenMinutes:
    values: dict[str, object] = {
        "body_name": "Koordineringsgruppa i Lærdal",
        "starts_at": datetime(2026, 3, 3, 18, 0, tzinfo=OSLO),
        "ends_at": datetime(2026, 3, 3, 20, 0, tzinfo=OSLO),
        "place": "Rådhuset, møterom Ærfugl",
        "attendees": (
            Attendee(name="Kari Testesen", presence=Presence.PRESENT, organisation="Politiet"),
            Attendee(
                name="Per Øvingstad",
                presence=Presence.PRESENT,
                organisation="Barnevernet",
                substitute_for="Nils Fiktivsen",
            ),
            Attendee(name="Åse Prøveby", presence=Presence.ABSENT_WITH_NOTICE),
            Attendee(name="Jens Uteblidd", presence=Presence.ABSENT_WITHOUT_NOTICE),
        ),
        "items": tuple(open_layer(r) for r in RECORDS),
        "approved_on": date(2026, 3, 10),
        "approved_by": "Liv Lederstad",
    }
    return OpenMinutes(**(values | overrides))  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def renderer() -> WeasyMinutesRenderer:
    return WeasyMinutesRenderer()


@pytest.fixture(scope="session")
def pdf(renderer: WeasyMinutesRenderer) -> bytes:
    return renderer.pdf(minutes())
