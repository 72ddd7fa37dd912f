"""Annual-wheel domain room: the default wheel, seeded from the SLT handbook (seeds/003).

The handbook names the tasks (2.1: the steering group meets at least four times a year and an
annual gathering of all levels is recommended; 4.1: the wheel keeps step with the municipality's
plan and budget processes; 4.2: action plans; 5.8: the politiråd evaluates itself once a year;
3.2: Ungdata as a knowledge source). Its example wheel is a picture that did not come with the
text, so the months below are our defaults: each unit moves them to fit its municipality.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

from domain.annual_wheel.template import OwnerRole, WheelTemplate
from domain.organisation.model import Level


@dataclass(frozen=True, slots=True, kw_only=True)
class Seed:
    title: str
    month: int
    owner_role: OwnerRole
    body_level: Level | None
    description: str
    day: int | None = None


_STEERING_MEETING = (
    "Forberede og kalle inn til møte i styringsgruppen/politirådet "
    "(håndboken 2.1.1: minimum fire ganger i året)."
)

HANDBOOK: tuple[Seed, ...] = (
    *(
        Seed(
            title="Møte i styringsgruppen",
            month=month,
            owner_role=OwnerRole.SECRETARY,
            body_level=Level.STEERING,
            description=_STEERING_MEETING,
        )
        for month in (2, 5, 9, 11)
    ),
    Seed(
        title="Innspill til kommunens budsjett og økonomiplan",
        month=4,
        owner_role=OwnerRole.COORDINATOR,
        body_level=Level.STEERING,
        description="SLT-arbeidet tas med i kommunens planprosesser i tide (håndboken 4.1).",
    ),
    Seed(
        title="Oppfølging av Ungdata-resultatene",
        month=9,
        owner_role=OwnerRole.COORDINATOR,
        body_level=Level.COORDINATING,
        description="Gå gjennom Ungdata og oppdatere situasjonsbildet (håndboken 3.2).",
    ),
    Seed(
        title="Årlig samling for alle nivåer",
        month=10,
        owner_role=OwnerRole.COORDINATOR,
        body_level=None,
        description="Samling for deltakere på alle tre nivåer (håndboken 2.1).",
    ),
    Seed(
        title="Revisjon av handlingsplanen",
        month=10,
        owner_role=OwnerRole.COORDINATOR,
        body_level=Level.COORDINATING,
        description="Revidere handlingsplan og tiltak før behandling i styringsgruppen (håndboken 4.2).",
    ),
    Seed(
        title="Politirådets egenevaluering",
        month=11,
        owner_role=OwnerRole.CHAIR,
        body_level=Level.STEERING,
        description="Evaluering av politirådet en gang i året (håndboken 5.8).",
    ),
)


def handbook_templates(unit_id: UUID) -> list[WheelTemplate]:
    """The default wheel as new templates of ``unit_id``."""
    out = [
        WheelTemplate(
            id=uuid4(),
            unit_id=unit_id,
            title=s.title,
            month=s.month,
            day=s.day,
            owner_role=s.owner_role,
            body_level=s.body_level,
            description=s.description,
        )
        for s in HANDBOOK
    ]
    for t in out:
        t.check()
    return out
