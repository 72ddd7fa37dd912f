"""Key rotation on PostgreSQL: with a new current key configured, ``rotate`` re-seals every value
still under the old one (and recomputes the identity hashes under a new index key); afterwards
the old key can go, everything still opens, and a second run has nothing to do."""

from __future__ import annotations

import base64
from uuid import uuid4

import sqlalchemy as sa

from adapters.crypto.field_cipher import AesGcmFieldCipher
from adapters.crypto.keys import KeyRing, new_key
from adapters.postgres.cases.rotation import SEALED, rotate
from adapters.postgres.cases.uow import PgCasesUnitOfWorkFactory as Factory
from domain.cases.note import Note
from domain.cases.regimes import Category, SourceRegime
from tests.repositories.cases.conftest import AT, NUMBER, CaseBackend, MemoryLog


async def _key_ids(cb: CaseBackend) -> set[bytes]:
    found: set[bytes] = set()
    async with cb.engines.admin.connect() as conn:
        for table, columns in SEALED.items():
            for column in columns:
                sql = f"SELECT {column} FROM {table} WHERE unit_id = :u AND {column} IS NOT NULL"
                for (value,) in await conn.execute(sa.text(sql), {"u": cb.unit}):
                    found.add(bytes(value[1 : 1 + value[0]]))
    return found


async def test_rotation_reseals_with_the_current_key_and_the_old_key_can_go(
    cb: CaseBackend,
) -> None:
    s, c = await cb.opened()
    consent = cb.consent(c, s)
    note = Note(
        id=uuid4(), case_id=c.id, author_person_id=cb.lead.id,
        organisation_id=cb.school.id, category=Category.SCHOOL, regime=SourceRegime.SCHOOL,
        text="Tiril trives i klassen.", written_at=AT,
    )  # fmt: skip
    async with cb.factory(cb.unit) as uow:
        await uow.consents.add(consent)
        await uow.notes.add(note)
        await uow.commit()
    old_spec = _spec(cb.factory.cipher)
    new_data, new_index = new_key(), new_key()
    both = AesGcmFieldCipher(KeyRing.parse(f"t2:{new_data},{old_spec}", new_index))
    assert await _key_ids(cb) == {b"t1"}
    report = await rotate(cb.engines.admin, both, [cb.unit])
    assert report.total == 8 and report.rehashed == 1  # 3 subject, 3 guardian, note, child view
    assert await _key_ids(cb) == {b"t2"}
    assert (await rotate(cb.engines.admin, both, [cb.unit])).total == 0
    only_new = AesGcmFieldCipher(KeyRing.parse(f"t2:{new_data}", new_index))
    async with Factory(cb.engines.app, only_new, MemoryLog)(cb.unit) as uow:
        assert await uow.subjects.get(s.id) == s
        assert await uow.subjects.find_by_identity_number(NUMBER) == [s]
        assert (await uow.notes.get(note.id)).text == note.text
        assert (await uow.consents.get(consent.id)).child_view == consent.child_view


def _spec(cipher: AesGcmFieldCipher) -> str:
    """The test cipher's own ``kid:base64`` (its ring is private; the test reaches in)."""
    ring = cipher._ring
    return ",".join(f"{k}:{base64.b64encode(v).decode()}" for k, v in ring.keys.items())
