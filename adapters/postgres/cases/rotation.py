"""Cases room: key rotation — every sealed value not under the current data key is opened with
its own (older) key and sealed again with the current one, and every identity number's keyed
hash is computed again (so the index key can rotate too). Run as the schema owner, one unit and
one table at a time, each in its own transaction with the unit set (row-level security holds
for an owner without BYPASSRLS too); values already current are left as they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.crypto.field_cipher import AesGcmFieldCipher
from adapters.postgres import connection as tx
from adapters.postgres.organisation.sql import Reader

# Table → its sealed columns.
SEALED: dict[str, tuple[str, ...]] = {
    "case_subject": ("name_enc", "birth_date_enc", "identity_number_enc"),
    "case_guardian": ("name_enc", "phone_enc", "email_enc"),
    "case_commitment": ("description_enc",),
    "case_breach": ("description_enc",),
    "case_note": ("text_enc",),
    "consent": ("child_view_enc",),
}


@dataclass
class RotationReport:
    resealed: dict[str, int] = field(default_factory=dict)  # "table.column" → values
    rehashed: int = 0  # identity numbers whose keyed hash changed

    @property
    def total(self) -> int:
        return sum(self.resealed.values())


async def _units(engine: AsyncEngine) -> list[UUID]:
    async with engine.connect() as conn:
        return [r[0] for r in await conn.exec_driver_sql("SELECT id FROM slt_unit ORDER BY id")]


async def rotate(
    engine: AsyncEngine, cipher: AesGcmFieldCipher, units: list[UUID] | None = None
) -> RotationReport:
    """Re-seal every unit's values (or ``units``'); a value no configured key opens stops it."""
    report = RotationReport()
    connections = tx.RequestConnections(engine)
    for unit in units if units is not None else await _units(engine):
        for table, columns in SEALED.items():
            async with connections.connect() as conn:
                await tx.begin(conn, unit)
                try:
                    await _table(Reader(conn), unit, table, columns, cipher, report)
                    await tx.commit(conn)
                finally:
                    await tx.rollback(conn)
    return report


async def _table(
    read: Reader,
    unit: UUID,
    table: str,
    columns: tuple[str, ...],
    cipher: AesGcmFieldCipher,
    report: RotationReport,
) -> None:
    names = ", ".join(columns)
    hashed = table == "case_subject"
    extra = ", identity_hash" if hashed else ""
    rows = await read.rows(
        f"SELECT id, {names}{extra} FROM {table} WHERE unit_id = $1 FOR UPDATE",  # noqa: S608
        unit,
    )
    for r in rows:
        changes: dict[str, object] = {}
        for column in columns:
            value = r[column]
            if value is None:
                continue
            plain = cipher.open(value, table, column, r["id"])
            if not cipher.is_current(value):
                changes[column] = cipher.seal(plain, table, column, r["id"])
                key = f"{table}.{column}"
                report.resealed[key] = report.resealed.get(key, 0) + 1
            if hashed and column == "identity_number_enc":
                index = cipher.index(plain)
                if bytes(r["identity_hash"]) != index:
                    changes["identity_hash"] = index
                    report.rehashed += 1
        if changes:
            sets = ", ".join(f"{c} = ${n}" for n, c in enumerate(changes, start=3))
            await read.rows(
                f"UPDATE {table} SET {sets} WHERE unit_id = $1 AND id = $2",  # noqa: S608
                unit, r["id"], *changes.values(),
            )  # fmt: skip
