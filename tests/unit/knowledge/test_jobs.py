"""Knowledge unit tests room: the import job's lifecycle table."""

from __future__ import annotations

import pytest

from domain.knowledge.errors import ImportNotReady
from domain.knowledge.jobs import EDGES, FINAL, can_move, check_move
from domain.knowledge.model import JobStatus as S

ALLOWED = {
    (S.QUEUED, S.RUNNING), (S.QUEUED, S.FAILED),
    (S.RUNNING, S.PREVIEWED), (S.RUNNING, S.COMMITTED), (S.RUNNING, S.FAILED),
    (S.RUNNING, S.INTERRUPTED), (S.PREVIEWED, S.QUEUED), (S.COMMITTED, S.ROLLED_BACK),
    (S.INTERRUPTED, S.QUEUED), (S.INTERRUPTED, S.PREVIEWED), (S.INTERRUPTED, S.FAILED),
}  # fmt: skip


@pytest.mark.parametrize("current", list(S), ids=str)
@pytest.mark.parametrize("target", list(S), ids=str)
def test_the_table(current: S, target: S) -> None:
    allowed = (current, target) in ALLOWED
    assert can_move(current, target) is allowed
    if allowed:
        check_move(current, target)
    else:
        with pytest.raises(ImportNotReady) as e:
            check_move(current, target)
        assert e.value.current == current.value and e.value.code == "import-not-ready"


def test_every_status_is_in_the_table_and_the_finals_are_failed_and_rolled_back() -> None:
    assert set(EDGES) == set(S)
    assert {S.FAILED, S.ROLLED_BACK} == FINAL
