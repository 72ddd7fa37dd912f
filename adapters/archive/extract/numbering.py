"""Archive adapters room: how an extract orders, groups and numbers records — one moetemappe per
meeting (its agenda items and protocol as moeteregistreringer), one saksmappe per other record
with saksaar/sakssekvensnummer and journal numbers of the extract's own, stable systemIDs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from uuid import UUID, uuid5

from domain.archive.keys import mappe_key, registration_key
from domain.archive.records import ArchiveRecord

_IDS = UUID("8c6c4e7e-3f0b-4d55-9e55-5a3d0c2b7a10")  # the namespace of Samordna's systemIDs


def system_id(*parts: str) -> str:
    """A stable systemID (UUID 5 of the key): the same record has the same id in every extract."""
    return str(uuid5(_IDS, "/".join(parts)))


@dataclass
class Folder:
    key: str
    records: list[ArchiveRecord] = field(default_factory=list)
    year: int = 0
    sequence: int = 0  # sakssekvensnummer (0 for a meeting)

    @property
    def first(self) -> ArchiveRecord:
        return self.records[0]


@dataclass(frozen=True)
class JournalNumber:
    year: int
    sequence: int  # journalsekvensnummer, running per year in the extract
    number: int  # journalpostnummer within the case


def _item_order(r: ArchiveRecord) -> tuple[int, int, str]:
    # the protocol (no agenda item) after the items; corrections after the version they correct
    return (r.item.sequence if r.item else 10_000, r.version, registration_key(r))


def folders(records: Sequence[ArchiveRecord]) -> list[Folder]:
    by_key: dict[str, Folder] = {}
    for r in sorted(records, key=lambda r: (r.record_date, mappe_key(r), registration_key(r))):
        by_key.setdefault(mappe_key(r), Folder(mappe_key(r))).records.append(r)
    ordered = sorted(by_key.values(), key=lambda f: (f.first.record_date, f.key))
    counters: dict[int, int] = defaultdict(int)
    for f in ordered:
        f.records.sort(key=_item_order)
        f.year = f.first.record_date.year
        if f.first.meeting is None:
            counters[f.year] += 1
            f.sequence = counters[f.year]
    return ordered


def journal_numbers(ordered: Sequence[Folder]) -> dict[str, JournalNumber]:
    """By registrering key: journalaar, journalsekvensnummer and journalpostnummer."""
    running: dict[int, int] = defaultdict(int)
    numbers: dict[str, JournalNumber] = {}
    for f in ordered:
        for n, r in enumerate(f.records, start=1):
            year = r.record_date.year
            running[year] += 1
            numbers[registration_key(r)] = JournalNumber(year, running[year], n)
    return numbers
