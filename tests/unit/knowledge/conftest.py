"""Knowledge unit tests room: the service wired to fakes, two units, principals and file helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from uuid import UUID, uuid4

import pytest

from domain.knowledge.model import ImportJob, ImportKind, ImportMode
from domain.shared.principal import Principal, Scope
from tests.fakes import FakeKnowledge, coordinator, machine

UNIT_A = UUID("00000000-0000-4000-8000-0000000000a1")
UNIT_B = UUID("00000000-0000-4000-8000-0000000000b2")

INDICATORS_CSV = (
    "kode;navn;kilde;kategori;måleenhet;faktorer\n"
    "ungdata.alkohol;Drukket seg beruset;ungdata;substance_use;percent;early-substance-use\n"
    "ungdata.skoletrivsel;Trives på skolen;ungdata;school;percent;school-attachment\n"
)
AREAS_CSV = "kode,navn,kommune,type\nsentrum,Sentrum,0301,bydel\nnord,Nord,0301,\n"
OBSERVATIONS_CSV = (
    "indikator,område,periode,trinn,kjønn,verdi,antall,nevner\n"
    'ungdata.alkohol,sentrum,2023,grade-8-10,alle,"12,5",25,200\n'
    "ungdata.alkohol,sentrum,2024,grade-8-10,alle,10.0,20,200\n"
    "ungdata.alkohol,nord,2024,grade-8-10,jente,8,,\n"
)


def chunks(data: bytes, size: int = 7) -> AsyncIterator[bytes]:
    async def gen() -> AsyncIterator[bytes]:
        for i in range(0, len(data), size):
            yield data[i : i + size]

    return gen()


@pytest.fixture
def k() -> FakeKnowledge:
    fake = FakeKnowledge.build()
    fake.store.municipalities[UNIT_A] = frozenset({"0301"})
    fake.store.municipalities[UNIT_B] = frozenset({"3105"})
    return fake


@pytest.fixture
def boss() -> Principal:
    return coordinator(UNIT_A)


@pytest.fixture
def robot() -> Principal:
    return machine(UNIT_A, [Scope.IMPORT_WRITE])


async def upload(
    k: FakeKnowledge,
    p: Principal,
    kind: ImportKind,
    text: str | bytes,
    mode: ImportMode = ImportMode.COMMIT,
    filename: str = "fil.csv",
    mapping: dict[str, str] | None = None,
    source: str | None = None,
) -> ImportJob:
    data = text.encode() if isinstance(text, str) else text
    return await k.service.upload(
        p, kind, None, filename, chunks(data), mapping=mapping, source_name=source, mode=mode
    )


async def imported(
    k: FakeKnowledge, p: Principal, kind: ImportKind, text: str | bytes,
    mode: ImportMode = ImportMode.COMMIT,
) -> ImportJob:  # fmt: skip
    """Upload and run at once (the runner's part)."""
    job = await upload(k, p, kind, text, mode)
    return await k.service.run(job.id, job.unit_id)


async def seeded(k: FakeKnowledge, p: Principal) -> None:
    """Areas, indicators and observations of ``p``'s unit."""
    for kind, text in (
        (ImportKind.AREAS, AREAS_CSV),
        (ImportKind.INDICATORS, INDICATORS_CSV),
        (ImportKind.OBSERVATIONS, OBSERVATIONS_CSV),
    ):
        job = await imported(k, p, kind, text)
        assert job.status == "committed", (kind, job.error, job.result)


def other_id() -> UUID:
    return uuid4()
