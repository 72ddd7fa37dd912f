"""The session look-up's rows read as accounts: parsed texts are kept, never the dicts handed out."""

from __future__ import annotations

from uuid import uuid4

from adapters.identity import session_rows
from domain.shared.principal import BodyRole, Role


def _record(body_roles: str | None, roles: list[str]) -> dict[str, object]:
    return {
        "account_unit_id": uuid4(),
        "unit_name": "Testkommune SLT",
        "roles": roles,
        "person_id": None,
        "display_name": None,
        "body_roles": body_roles,
    }


def test_an_account_from_a_record() -> None:
    body = uuid4()
    rec = _record(f'{{"{body}": "chair"}}', ["coordinator", "no-such-role"])
    account = session_rows.account(rec)
    assert account.unit_id == rec["account_unit_id"]
    assert account.roles == frozenset({Role.COORDINATOR})  # unknown roles are left out
    assert account.body_roles == {body: BodyRole.CHAIR}
    assert account.display_name == ""


def test_each_account_gets_a_dict_of_its_own() -> None:
    text = f'{{"{uuid4()}": "member"}}'
    first = session_rows.account(_record(text, []))
    first.body_roles.clear()  # type: ignore[attr-defined]
    second = session_rows.account(_record(text, []))
    assert len(second.body_roles) == 1
    assert session_rows.account(_record(None, [])).body_roles == {}


def test_the_parsed_tables_stay_bounded() -> None:
    for _ in range(session_rows.PARSED_MAX + 5):
        session_rows.account(_record(f'{{"{uuid4()}": "observer"}}', ["coordinator"]))
    assert len(session_rows._BODY_ROLES) <= session_rows.PARSED_MAX
