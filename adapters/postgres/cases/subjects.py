"""Cases room: subjects with their guardians on PostgreSQL — every name, birth date, identity
number and contact sealed by the field cipher before it leaves the process and opened after it
returns; the identity number is found through its keyed hash only. A subject is removed only
with its last case (``samordna_purge_case``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from adapters.postgres.cases.base import CasesRepository, Row
from domain.cases.subject import Guardian, Subject
from domain.shared.errors import Conflict, NotFound, StaleVersion

S, G = "case_subject", "case_guardian"
_GUARDIANS = (
    "ARRAY(SELECT ROW(g.id, g.name_enc, g.parental_responsibility, g.relation, g.phone_enc,"
    " g.email_enc) FROM case_guardian g WHERE g.unit_id = s.unit_id AND g.subject_id = s.id"
    " ORDER BY g.position) AS guardians"
)
_SELECT = (
    f"SELECT s.id, s.name_enc, s.birth_date_enc, s.identity_number_enc, s.version, {_GUARDIANS}"  # noqa: S608
    " FROM case_subject s WHERE s.unit_id = $1"
)
GET = f"{_SELECT} AND s.id = $2"
GET_MANY = f"{_SELECT} AND s.id = ANY($2::uuid[])"
BY_HASH = f"{_SELECT} AND s.identity_hash = $2 ORDER BY s.created_at, s.id"
INSERT = (
    "INSERT INTO case_subject (id, unit_id, name_enc, birth_date_enc, identity_number_enc,"
    " identity_hash, version) VALUES ($2, $1, $3, $4, $5, $6, $7)"
)
UPDATE = (
    "UPDATE case_subject SET name_enc = $3, birth_date_enc = $4, identity_number_enc = $5,"
    " identity_hash = $6, version = $7, updated_at = now()"
    " WHERE unit_id = $1 AND id = $2 AND version = $8 RETURNING id"
)
UPSERT_GUARDIAN = (
    "INSERT INTO case_guardian (id, unit_id, subject_id, position, name_enc,"
    " parental_responsibility, relation, phone_enc, email_enc)"
    " VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO UPDATE SET"
    " position = EXCLUDED.position, name_enc = EXCLUDED.name_enc,"
    " parental_responsibility = EXCLUDED.parental_responsibility,"
    " relation = EXCLUDED.relation, phone_enc = EXCLUDED.phone_enc, email_enc = EXCLUDED.email_enc"
    " WHERE case_guardian.unit_id = $1 AND case_guardian.subject_id = $3"
)
# Positions move out of the way first (UNIQUE (subject_id, position) holds at every row).
SHIFT = "UPDATE case_guardian SET position = -1 - position WHERE unit_id = $1 AND subject_id = $2"
DROP_OTHERS = (
    "DELETE FROM case_guardian WHERE unit_id = $1 AND subject_id = $2 AND NOT id = ANY($3::uuid[])"
)


class PgSubjectRepository(CasesRepository):
    def _subject(self, r: Row) -> Subject:
        sid = r["id"]
        return Subject(
            id=sid,
            unit_id=self.unit_id,
            name=self.open(r["name_enc"], S, "name_enc", sid),
            birth_date=date.fromisoformat(self.open(r["birth_date_enc"], S, "birth_date_enc", sid)),
            identity_number=self.open_opt(r["identity_number_enc"], S, "identity_number_enc", sid),
            guardians=tuple(self._guardian(g) for g in r["guardians"]),
            version=r["version"],
        )

    def _guardian(self, g: Row) -> Guardian:
        gid, name, responsible, relation, phone, email = g
        return Guardian(
            id=gid,
            name=self.open(name, G, "name_enc", gid),
            parental_responsibility=responsible,
            relation=relation,
            phone=self.open_opt(phone, G, "phone_enc", gid),
            email=self.open_opt(email, G, "email_enc", gid),
        )

    def _sealed(self, s: Subject) -> tuple[bytes, bytes, bytes | None, bytes | None]:
        number = s.identity_number
        return (
            self.seal(s.name, S, "name_enc", s.id),
            self.seal(s.birth_date.isoformat(), S, "birth_date_enc", s.id),
            self.seal_opt(number, S, "identity_number_enc", s.id),
            None if number is None else self.cipher.index(number),
        )

    async def get(self, id: UUID) -> Subject:
        r = await self.row(GET, id)
        if r is None:
            raise NotFound(f"No subject with id {id}.")
        return self._subject(r)

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[Subject]:
        return [self._subject(r) for r in await self.rows(GET_MANY, list(ids))]

    async def find_by_identity_number(self, identity_number: str) -> Sequence[Subject]:
        return [
            self._subject(r) for r in await self.rows(BY_HASH, self.cipher.index(identity_number))
        ]

    async def _guardians(self, s: Subject) -> None:
        await self.write(SHIFT, s.id)
        await self.write(DROP_OTHERS, s.id, [g.id for g in s.guardians], deleting=True)
        for position, g in enumerate(s.guardians):
            await self.write(
                UPSERT_GUARDIAN, g.id, s.id, position, self.seal(g.name, G, "name_enc", g.id),
                g.parental_responsibility, g.relation,
                self.seal_opt(g.phone, G, "phone_enc", g.id),
                self.seal_opt(g.email, G, "email_enc", g.id),
            )  # fmt: skip

    async def add(self, item: Subject) -> None:
        await self.write(INSERT, item.id, *self._sealed(item), item.version)
        await self._guardians(item)

    async def update(self, item: Subject, expected_version: int) -> None:
        done = await self.write(
            UPDATE, item.id, *self._sealed(item), item.version, expected_version
        )
        if not done:
            await self.get(item.id)  # NotFound if gone
            raise StaleVersion("The subject was changed in the meantime; reload and try again.")
        await self._guardians(item)

    async def delete(self, id: UUID, expected_version: int) -> None:
        raise Conflict("A subject is deleted with its last case (retention), never on its own.")

    async def names(self) -> tuple[int, list[str]]:
        """Every subject and guardian name of the unit, opened in memory, with the unit's
        registered-names version (what the free-text guard's name cache keys on)."""
        version = await self.read.value(
            "SELECT coalesce((SELECT version FROM case_registered_names_version"
            " WHERE unit_id = $1), 0)",
            self.unit_id,
        )
        subjects = await self.rows("SELECT id, name_enc FROM case_subject WHERE unit_id = $1")
        guardians = await self.rows("SELECT id, name_enc FROM case_guardian WHERE unit_id = $1")
        names = [self.open(r["name_enc"], S, "name_enc", r["id"]) for r in subjects]
        names += [self.open(r["name_enc"], G, "name_enc", r["id"]) for r in guardians]
        return int(version), names
