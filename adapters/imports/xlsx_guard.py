"""Import readers room: the zip-bomb guard an XLSX passes before any spreadsheet reader opens it
— entry count, declared sizes, compression ratio, encryption, nested archives, a sheet — and
then every entry decompressed once with a bounded reader, so a size that lies is caught too."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from domain.knowledge.errors import FileRejected
from domain.knowledge.limits import ARCHIVE_ENTRIES_MAX, ARCHIVE_ENTRY_MAX_BYTES, ARCHIVE_RATIO_MAX

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or an Office file with a password
NESTED = (".zip", ".xlsx", ".xlsm", ".xlsb", ".docx", ".pptx", ".jar", ".gz", ".7z", ".rar")
RATIO_FLOOR = 1024 * 1024  # tiny workbooks compress well; the ratio counts from 1 MiB
MIB = 1024 * 1024


def _unsafe(message: str) -> FileRejected:
    return FileRejected("import-archive-unsafe", message)


def check_xlsx(path: Path) -> None:
    """Refuses a file no spreadsheet reader should open: ``import-format`` when it is no XLSX
    at all, ``import-archive-unsafe`` when it is a zip that could exhaust memory or disk."""
    with path.open("rb") as fh:
        magic = fh.read(len(CFB_MAGIC))
    if magic == CFB_MAGIC:
        raise FileRejected(
            "import-format",
            "Regnearket er passordbeskyttet eller i det gamle .xls-formatet. "
            "Lagre det som .xlsx uten passord.",
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_entries(infos)
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names or not any(
                n.startswith("xl/worksheets/") and n.endswith(".xml") for n in names
            ):
                raise FileRejected("import-format", "Filen er ikke et Excel-regneark: ingen ark.")
            for info in infos:
                _drain(zf, info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, zlib.error, EOFError):
        raise FileRejected(
            "import-format", "Filen kan ikke leses som et Excel-regneark (.xlsx)."
        ) from None


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > ARCHIVE_ENTRIES_MAX:
        raise _unsafe(f"Regnearket har {len(infos)} deler; høyst {ARCHIVE_ENTRIES_MAX} er tillatt.")
    unpacked = packed = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _unsafe("Regnearket er kryptert.")
        if info.file_size > ARCHIVE_ENTRY_MAX_BYTES:
            raise _unsafe(
                f"En del av regnearket pakkes ut til {info.file_size // MIB} MiB; "
                f"høyst {ARCHIVE_ENTRY_MAX_BYTES // MIB} MiB er tillatt."
            )
        if info.filename.lower().endswith(NESTED):
            raise _unsafe("Regnearket inneholder et annet arkiv.")
        unpacked += info.file_size
        packed += info.compress_size
    if unpacked > RATIO_FLOOR and unpacked > ARCHIVE_RATIO_MAX * max(packed, 1):
        raise _unsafe(
            f"Regnearket er pakket {unpacked // max(packed, 1)}:1; "
            f"høyst {ARCHIVE_RATIO_MAX}:1 er tillatt (zip-bombe?)."
        )


def _drain(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Decompresses the entry without keeping it: ``zipfile`` stops at the declared size and
    checks the CRC, so an entry larger than it says fails here, not in the reader."""
    try:
        with zf.open(info) as entry:
            while entry.read(MIB):
                pass
    except zipfile.BadZipFile:  # a CRC or size that does not match the entry's declaration
        raise _unsafe(f"Delen {info.filename[:100]} stemmer ikke med det den oppgir.") from None
