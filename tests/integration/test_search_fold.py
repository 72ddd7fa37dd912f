"""The database's ``samordna_fold`` (migration 0004) and the unit tests' ``fold`` agree, so the fakes
search like PostgreSQL does."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.fakes import fold

SAMPLES = [
    "Håkon",
    "HÅKON LIE",
    "Bjørn Ødegård",
    "Æsa Brænne",
    "Čáhcesuolu Đuoddar Ŋuorra Ŧeahkká",
    "Łukasz Straße",
    "Zoë Œuvre",
    "ﬁskeværet",  # a ligature: NFKD spells it out
    "50%_rabatt\\",
]


@pytest.mark.parametrize("text", SAMPLES)
async def test_the_database_folds_like_the_fakes(admin_engine, text):
    async with admin_engine.connect() as conn:
        folded = (await conn.execute(sa.text("SELECT samordna_fold(:t)"), {"t": text})).scalar_one()
    assert folded == fold(text)
    assert folded == folded.lower()


def test_fold_makes_the_norwegian_letters_searchable_in_plain_ascii():
    assert fold("Håkon Bjørn Ærø") == "hakon bjorn aero"
