"""Import readers room: the spool — uploaded files kept on disk under ``state_dir/imports`` until
their job is done, under random names (never the client's filename), with size and SHA-256."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

from domain.knowledge.errors import FileRejected
from domain.knowledge.model import SpooledFile

_REF = re.compile(r"[0-9a-f]{32}")
MIB = 1024 * 1024


class DiskSpool:
    """A ``Spool`` on the local disk; files are readable by the service's user only."""

    def __init__(self, root: Path) -> None:
        self.root = root

    async def store(self, chunks: AsyncIterator[bytes], max_bytes: int) -> SpooledFile:
        """Writes the stream to a new file; past ``max_bytes`` it stops reading and keeps
        nothing (``import-too-large``), as on any other failure."""
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        ref = secrets.token_hex(16)
        part = self.root / f"{ref}.part"
        digest = hashlib.sha256()
        size = 0
        try:
            with open(part, "xb", opener=_private) as out:  # noqa: ASYNC230 - local disk, small writes
                async for chunk in chunks:
                    size += len(chunk)
                    if size > max_bytes:
                        raise FileRejected(
                            "import-too-large",
                            f"Filen er større enn {max_bytes // MIB} MiB.",
                            {"max_bytes": max_bytes},
                        )
                    digest.update(chunk)
                    out.write(chunk)
            part.rename(self.root / ref)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        return SpooledFile(ref=ref, size_bytes=size, sha256=digest.hexdigest())

    def path(self, ref: str) -> Path:
        """The spooled file of ``ref``; a ref that is not one of ours is ``ValueError``."""
        if not _REF.fullmatch(ref):
            raise ValueError("not a spool reference")
        return self.root / ref

    def delete(self, ref: str) -> None:
        self.path(ref).unlink(missing_ok=True)

    def stored_before(self, before: datetime) -> list[str]:
        return [f.name for f in self._older("*", before) if _REF.fullmatch(f.name)]

    def drop_unfinished(self, before: datetime) -> int:
        """A ``.part`` is renamed or removed by ``store`` itself unless its process was killed
        (SIGKILL, power loss); one last written before ``before`` belongs to no live upload."""
        parts = [f for f in self._older("*.part", before) if _REF.fullmatch(f.stem)]
        for part in parts:
            part.unlink(missing_ok=True)
        return len(parts)

    def _older(self, pattern: str, before: datetime) -> list[Path]:
        """The spool's files matching ``pattern`` last written before ``before``."""
        if not self.root.is_dir():
            return []
        cut = before.timestamp()
        return [f for f in self.root.glob(pattern) if _written(f) < cut]


def _written(path: Path) -> float:
    """Its last write; a file deleted meanwhile (a job's commit) counts as new: left alone."""
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return float("inf")


def _private(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)
