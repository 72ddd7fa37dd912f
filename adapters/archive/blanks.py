"""Archive adapters room: required archive fields never go out blank. The domain keeps titles
required, but a record read back from older rows (or a text of only control characters) must not
make an unsendable message: a blank required field gets a neutral Norwegian placeholder."""

from __future__ import annotations

from dataclasses import replace

from adapters.archive.xml import clean
from domain.archive.records import ArchiveRecord

UNTITLED = "Uten tittel"
UNKNOWN = "Ukjent"


def blank(value: str | None) -> bool:
    return value is None or not clean(value).strip()


def filled(record: ArchiveRecord) -> ArchiveRecord:
    changes: dict[str, object] = {}
    if blank(record.title):
        changes["title"] = UNTITLED
    if blank(record.case_title):
        changes["case_title"] = UNTITLED
    if record.public_title is not None and blank(record.public_title):
        changes["public_title"] = None
    m = record.meeting
    if m is not None and (blank(m.number) or blank(m.body_name)):
        changes["meeting"] = replace(
            m,
            number=UNKNOWN if blank(m.number) else m.number,
            body_name=UNKNOWN if blank(m.body_name) else m.body_name,
            participants=tuple(p for p in m.participants if not blank(p.name)),
        )
    elif m is not None and any(blank(p.name) for p in m.participants):
        changes["meeting"] = replace(
            m, participants=tuple(p for p in m.participants if not blank(p.name))
        )
    return replace(record, **changes) if changes else record  # type: ignore[arg-type]
