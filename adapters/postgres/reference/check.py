"""Self-check for the reference data in this folder (stdlib only).

Run: /work/main/.venv/bin/python adapters/postgres/reference/check.py
"""

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read(name, header):
    with open(HERE / name, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        got = next(reader)
        assert got == header, f"{name}: header {got!r} != {header!r}"
        rows = [r for r in reader]
    for i, r in enumerate(rows, start=2):
        assert len(r) == len(header), f"{name}:{i}: expected {len(header)} fields, got {r!r}"
        assert all(v.strip() == v and v for v in r), f"{name}:{i}: empty or padded field in {r!r}"
    return rows


def main():
    districts = read("police_districts.csv", ["code", "name"])
    assert len(districts) == 12, f"expected 12 police districts, got {len(districts)}"
    codes = [d[0] for d in districts]
    assert len(set(codes)) == 12, "duplicate police district codes"
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", c) for c in codes), (
        "police district codes must be ascii slugs"
    )

    munis = read("municipalities.csv", ["number", "name", "county", "police_district"])
    assert len(munis) == 357, f"expected 357 municipalities, got {len(munis)}"
    numbers = [m[0] for m in munis]
    assert all(re.fullmatch(r"\d{4}", n) for n in numbers), "municipality numbers must be 4 digits"
    assert len(set(numbers)) == 357, "duplicate municipality numbers"
    assert len({m[1] for m in munis}) == 357, "duplicate municipality names"
    unknown = {m[3] for m in munis} - set(codes)
    assert not unknown, f"unknown police district codes: {unknown}"
    assert set(codes) <= {m[3] for m in munis}, "a police district has no municipality"
    assert ["0301", "Oslo", "Oslo", "oslo"] in munis, "Oslo row missing or wrong"
    assert len({m[2] for m in munis}) == 15, "expected 15 counties"

    bydeler = read("oslo_districts.csv", ["number", "name"])
    assert len(bydeler) == 15, f"expected 15 Oslo districts, got {len(bydeler)}"
    bnums = [b[0] for b in bydeler]
    assert all(re.fullmatch(r"0301\d{2}", n) for n in bnums), (
        "bydel numbers must be 0301 + 2 digits"
    )
    assert len(set(bnums)) == 15, "duplicate bydel numbers"
    assert not {"030116", "030117"} & set(bnums), "Sentrum/Marka must not be listed"

    print(
        f"ok: {len(districts)} police districts, {len(munis)} municipalities, {len(bydeler)} Oslo districts"
    )


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"FAILED: {e}", file=sys.stderr)
        sys.exit(1)
