"""Archive adapters room: ``DropTransport`` — a folder per message (``arkivmelding.xml`` and its
files) in a drop directory the archive system imports from, written atomically: a temporary
folder, every file flushed to disk, then one rename. A folder already there for the key means
the message was delivered before: the same receipt again (the archive's kvittering when its
import left one in the folder), never a second folder."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from pathlib import Path

from adapters.archive.kvittering import InvalidKvittering, parse_kvittering
from domain.archive.keys import folder_name
from domain.archive.messages import Receipt
from domain.archive.ports import TransientFailure
from domain.archive.records import ArchivePackage

MESSAGE = "arkivmelding.xml"
ANSWER = "arkivmelding-kvittering.xml"  # what an archive's import may leave beside the message


def _write(path: Path, content: bytes) -> None:
    with path.open("wb") as f:
        f.write(content)
        f.flush()
        os.fsync(f.fileno())


class DropTransport:
    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, key: str) -> Path:
        return self.root / folder_name(key)

    async def send(self, package: ArchivePackage) -> Receipt:
        try:
            return await asyncio.to_thread(self._send, package)
        except OSError as exc:  # a full disk or a missing mount: try again later
            raise TransientFailure(f"drop folder not writable ({type(exc).__name__})") from exc

    def _receipt(self, folder: Path, existing: bool) -> Receipt:
        answer = folder / ANSWER
        if answer.is_file():
            try:
                parsed = parse_kvittering(answer.read_bytes())
                return Receipt(
                    saksnummer=parsed.saksnummer, journalpostnummer=parsed.journalpostnummer,
                    mappe_system_id=parsed.mappe_system_id,
                    registrering_system_id=parsed.registrering_system_id, existing=existing,
                )  # fmt: skip
            except InvalidKvittering:
                pass
        return Receipt(existing=existing)

    def _send(self, package: ArchivePackage) -> Receipt:
        target = self.folder(package.key)
        if target.exists():
            return self._receipt(target, existing=True)
        self.root.mkdir(parents=True, exist_ok=True)
        temp = self.root / f".tmp-{target.name}-{uuid.uuid4().hex}"
        temp.mkdir()
        try:
            _write(temp / MESSAGE, package.arkivmelding)
            for doc in package.files:
                _write(temp / Path(doc.filename).name, doc.content)
            fd = os.open(temp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.rename(temp, target)  # atomic; refuses a non-empty target
            except OSError:
                if target.exists():  # another worker delivered the same key meanwhile
                    return self._receipt(target, existing=True)
                raise
        finally:
            if temp.exists():
                shutil.rmtree(temp, ignore_errors=True)
        return Receipt(existing=False)
