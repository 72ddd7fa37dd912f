"""Gate: no Python module over 300 lines outside migrations and generated code (issue 6, ADR 0012).

A module that outgrows the limit is a room holding two things; split it by aggregate or concern.
"""

from __future__ import annotations

import sys
from pathlib import Path

LIMIT = 300
ROOTS = ("domain/", "api/", "adapters/", "tests/", "bench/", "scripts/")
EXEMPT = ("adapters/postgres/migrations/versions/",)


def main() -> int:
    files = sorted(p.as_posix() for root in ROOTS for p in Path(root).rglob("*.py") if p.is_file())
    over = []
    for f in files:
        if not f.startswith(ROOTS) or f.startswith(EXEMPT):
            continue
        with open(f, encoding="utf-8") as fh:
            n = sum(1 for _ in fh)
        if n > LIMIT:
            over.append((n, f))
    for n, f in sorted(over, reverse=True):
        print(f"{f}: {n} lines (limit {LIMIT})")
    if over:
        print(f"{len(over)} module(s) over {LIMIT} lines: split them by aggregate or concern.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
