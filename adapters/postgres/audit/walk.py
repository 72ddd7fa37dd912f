"""Access-log room: one stretch of the chain walked from COPY text — every link's SHA-256 recomputed
from the stream's own bytes, with no per-row records and no per-field Python for a plain chunk.

A line (``lines``): the link's ``prev`` (hex), the entry's columns in the canonical JSON's sorted
key order, the link's hash (hex), position and entry id, and whether the entry is missing. A
chunk with no quote and no backslash but the null marker ``\\N`` (the common case) is rendered
by one ``bytes %`` template over all its fields (``"field"`` in each key's place, ``"\\N"`` made
``null``, the time made ``isoformat``), so Python touches a line only to hash it. Any other
chunk is built line by line, field by field (``lines.canonical_of_line``).

A link whose recomputed hash differs is only a candidate (``recheck``): the caller recomputes it
from its row exactly as the sealer did before calling it changed — so no rendering detail can
raise a false alarm, and one that renders a changed entry differently still cannot match.

Each link is judged against its own stored ``prev``: a stretch needs nothing of the one before
it, so the chain splits into stretches walked in parallel. The first link's own checks (its
position follows, its ``prev`` is the previous link's hash) are the caller's, at the seam."""

from __future__ import annotations

from dataclasses import dataclass, field
from hashlib import sha256
from operator import methodcaller

from adapters.postgres.audit.lines import (
    AT,
    HASH,
    ID,
    KEYS,
    MISSING,
    POSITION,
    WIDTH,
    canonical_of_line,
    iso,
)

_DIGEST = methodcaller("digest")
# A line's hashed text: its prev, then each key and value, the four link columns dropped.
_LINE = b"%s" + b"".join(key + b"%s" for key in KEYS) + b'"}' + b"%.0s" * 4 + b"\n"


def plain(data: bytes) -> bool:
    """No quote, and every backslash starts a null marker. A control character or a byte
    outside ASCII may pass: ``json.dumps`` escapes them (with a backslash, which a plain
    rendering never holds), so such a line cannot match its link and is rechecked."""
    return b'"' not in data and data.count(b"\\") == data.count(b"\\N")


@dataclass(slots=True)
class Stretch:
    """What one walk found: its first link (position, entry id, prev), its last (position,
    hash), ``problems`` as (kind, position, entry id), the hashes at the ``heads`` asked for, and
    links to ``recheck`` from their rows (position, entry id, prev, hash)."""

    heads: dict[int, str] = field(default_factory=dict)
    links: int = 0
    first: tuple[int, int, str] | None = None
    last: tuple[int, str] | None = None
    problems: list[tuple[str, int, int | None]] = field(default_factory=list)
    recheck: list[tuple[int, int, str, str]] = field(default_factory=list)
    _rest: bytes = b""

    def feed(self, chunk: bytes) -> None:
        """Any bytes of the COPY stream: the complete lines among them are walked now."""
        data = self._rest + chunk if self._rest else chunk
        cut = data.rfind(b"\n") + 1
        self._rest = data[cut:]
        if cut:
            data = data[:cut]
            if plain(data):
                self._plain(data)
            else:
                self._lines([line.split("\t") for line in data.decode().split("\n")[:-1]])

    def close(self) -> None:
        if self._rest:
            raise ValueError("the COPY stream ended inside a line")

    def _plain(self, data: bytes) -> None:
        fields = data.replace(b"\n", b"\t").split(b"\t")
        fields.pop()
        n = len(fields) // WIDTH
        prevs, hashes, ids, missing = (fields[k::WIDTH] for k in (0, HASH, ID, MISSING))
        positions = list(map(int, fields[POSITION::WIDTH]))
        fields[AT::WIDTH] = [iso(a) for a in fields[AT::WIDTH]]
        texts = ((_LINE * n) % tuple(fields)).replace(b'"\\N"', b"null").split(b"\n")
        digests = list(map(_DIGEST, map(sha256, texts[:-1])))
        if (
            self.last == (positions[0] - 1, prevs[0].decode())
            and positions == list(range(positions[0], positions[0] + n))
            and prevs[1:] == hashes[:-1]
            and b"t" not in missing
            and b"".join(digests) == bytes.fromhex(b"".join(hashes).decode())
        ):
            self._heads(positions, hashes)
            self.last = (positions[-1], hashes[-1].decode())
            self.links += n
            return
        for prev, stored, position, entry_id, gone, digest in zip(
            prevs, hashes, positions, ids, missing, digests, strict=True
        ):
            ok = gone == b"f" and digest.hex() == stored.decode()
            self._link(position, int(entry_id), prev.decode(), stored.decode(), gone == b"t", ok)

    def _heads(self, positions: list[int], hashes: list[bytes]) -> None:
        for p in self.heads:
            if positions[0] <= p <= positions[-1]:
                self.heads[p] = hashes[p - positions[0]].decode()

    def _lines(self, lines: list[list[str]]) -> None:
        for f in lines:
            canonical = canonical_of_line(f) if f[MISSING] == "f" else None
            ok = canonical is not None and sha256(canonical.encode()).hexdigest() == f[HASH]
            self._link(int(f[POSITION]), int(f[ID]), f[0], f[HASH], f[MISSING] == "t", ok)

    def _link(
        self, position: int, entry_id: int, prev: str, stored: str, gone: bool, ok: bool
    ) -> None:
        """One link walked by itself, in the order one walk from the start reports."""
        if self.first is None or self.last is None:
            self.first = (position, entry_id, prev)
        else:
            expected = self.last[0] + 1
            if position != expected:
                self.problems.append(("link-missing", expected, None))
            if prev != self.last[1]:  # the link's own prev judges its entry from here on
                self.problems.append(("link-altered", position, entry_id))
        if gone:
            self.problems.append(("deleted", position, entry_id))
        elif not ok:
            self.recheck.append((position, entry_id, prev, stored))
        if position in self.heads:
            self.heads[position] = stored
        self.last = (position, stored)
        self.links += 1
