"""The shipped reference data: complete, consistent, and loaded by the migrations."""

import csv
import re
from pathlib import Path

import sqlalchemy as sa

REF = Path(__file__).resolve().parents[2] / "adapters" / "postgres" / "reference"


def _rows(name: str) -> list[dict[str, str]]:
    with (REF / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_reference_files_are_complete_and_consistent():
    districts = _rows("police_districts.csv")
    munis = _rows("municipalities.csv")
    oslo = _rows("oslo_districts.csv")
    codes = {d["code"] for d in districts}
    assert len(districts) == len(codes) == 12
    assert len(munis) == len({m["number"] for m in munis}) == 357
    assert all(re.fullmatch(r"\d{4}", m["number"]) for m in munis)
    assert {m["police_district"] for m in munis} == codes
    assert {"number": "0301", "name": "Oslo", "county": "Oslo", "police_district": "oslo"} in munis
    assert len({m["county"] for m in munis}) == 15
    assert len(oslo) == 15
    assert all(re.fullmatch(r"0301\d{2}", b["number"]) for b in oslo)
    assert not {"030116", "030117"} & {b["number"] for b in oslo}


async def test_migrations_load_the_reference_data(admin_engine):
    async with admin_engine.connect() as conn:
        n = (await conn.execute(sa.text("SELECT count(*) FROM municipality"))).scalar_one()
        baerum = (
            await conn.execute(
                sa.text("SELECT police_district FROM municipality WHERE name = 'Bærum'")
            )
        ).scalar_one()
    assert n == 357
    assert baerum == "oslo"  # Asker and Bærum belong to Oslo police district
