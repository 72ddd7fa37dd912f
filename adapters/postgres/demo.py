"""Demo data: an idempotent, fictional SLT unit (politiråd, two coordinating groups, three youth
teams, realistic members) and a small second unit, so `make run` shows a living organisation.

Every name is invented. IDs are derived from stable keys (uuid5), and every insert is
``ON CONFLICT DO NOTHING``: loading twice changes nothing, and edits made in the app survive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import NAMESPACE_URL, UUID, uuid5

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.identity.person_key import person_key


def demo_id(key: str) -> UUID:
    return uuid5(NAMESPACE_URL, f"https://samordna.invalid/demo/{key}")


DEMO_UNIT = demo_id("unit/lillestrom")
OTHER_UNIT = demo_id("unit/indre-sogn")


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """A login persona linked to the demo: which unit, which roles, which staff person."""

    pid: str
    unit_id: UUID
    roles: tuple[str, ...]
    person: str | None  # the demo person key, for body roles through memberships
    home: bool = True  # False: access to a further unit, granted after the home unit's


@dataclass(frozen=True, slots=True)
class DemoMachine:
    consumer_id: str
    name: str
    scopes: tuple[str, ...]


ORGANISATIONS = [
    ("kommune", "Lillestrøm kommune – kommunedirektøren", "municipal_administration"),
    ("politi", "Lillestrøm politistasjon", "police"),
    ("nordby-us", "Nordby ungdomsskole", "school"),
    ("sagdalen-bs", "Sagdalen barneskole", "school"),
    ("solsiden-bhg", "Solsiden barnehage", "kindergarten"),
    ("ppt", "PPT Lillestrøm", "educational_psychological_service"),
    ("barnevern", "Barneverntjenesten", "child_welfare"),
    ("helsestasjon", "Helsestasjon for ungdom", "health_station"),
    ("skolehelse", "Skolehelsetjenesten", "school_health_service"),
    ("nav", "NAV Lillestrøm", "nav"),
    ("konfliktrad", "Konfliktrådet Øst", "mediation_service"),
    ("kultur", "Kultur og fritid", "culture_and_leisure"),
    ("rus-psyk", "Rus og psykisk helse", "substance_use_and_mental_health"),
    ("flyktning", "Flyktningtjenesten", "refugee_service"),
    ("vgs", "Strømmen videregående skole (fylkeskommunen)", "upper_secondary"),
    ("frivillig", "Frivilligsentralen", "volunteer"),
]

# key, name, title, organisation key
PERSONS = [
    ("kari", "Kari Koordinator", "SLT-koordinator", "kommune"),
    ("per", "Per Politikontakt", "Politikontakt", "politi"),
    ("siri", "Siri Systemansvarlig", "Rådgiver digitalisering", "kommune"),
    ("ola", "Ola Medlem", "Miljøterapeut", "rus-psyk"),
    ("stine", "Stine Styringsgruppe", "Kommunalsjef oppvekst", "kommune"),
    ("ordforer", "Astrid Berg", "Ordfører", "kommune"),
    ("kdir", "Håkon Lie", "Kommunedirektør", "kommune"),
    ("stasjonssjef", "Tor Aasen", "Stasjonssjef", "politi"),
    ("helse", "Mona Dahl", "Kommunalsjef helse og velferd", "kommune"),
    ("rektor", "Eirik Solberg", "Rektor", "nordby-us"),
    ("bv-leder", "Lene Haug", "Leder barneverntjenesten", "barnevern"),
    ("ppt-leder", "Jon Moe", "Leder PPT", "ppt"),
    ("helsesykepleier", "Ingrid Foss", "Helsesykepleier", "skolehelse"),
    ("nav-leder", "Ali Rahimi", "Avdelingsleder ungdom", "nav"),
    ("kultur-leder", "Marte Nilsen", "Leder ungdomsklubb", "kultur"),
    ("vgs-radgiver", "Sindre Vik", "Rådgiver", "vgs"),
    ("ungkoord", "Nora Lund", "Ungdomskoordinator", "konfliktrad"),
    ("flyktning-leder", "Yusuf Ahmed", "Programrådgiver", "flyktning"),
    ("bhg-styrer", "Hanne Strand", "Styrer", "solsiden-bhg"),
    ("miljo1", "Jonas Eide", "Miljøarbeider", "rus-psyk"),
    ("miljo2", "Sara Bakken", "Miljøarbeider", "kultur"),
    ("politi2", "Emil Sand", "Forebyggende politi", "politi"),
    ("frivillig-leder", "Randi Holm", "Daglig leder", "frivillig"),
]

# key, name, level, politiråd?, norm, mandate
BODIES = [
    (
        "politirad",
        "Politirådet",
        "steering",
        True,
        4,
        "Styringsgruppe for SLT. Forankrer og prioriterer det rus- og kriminalitetsforebyggende "
        "arbeidet mellom kommunen og politiet. Behandler ikke enkeltsaker.",
    ),
    (
        "koord-barn",
        "Koordineringsgruppe barn og familie",
        "coordinating",
        False,
        12,
        "Samordner tiltak for barn 0–12 år og familiene deres på tvers av tjenestene.",
    ),
    (
        "koord-ungdom",
        "Koordineringsgruppe ungdom",
        "coordinating",
        False,
        12,
        "Samordner tiltak for ungdom 13–24 år; følger situasjonsbildet og foreslår tiltak.",
    ),
    ("team-nord", "Ungdomsteam Nord", "executive", False, None, "Tverrfaglig team, nord."),
    ("team-sor", "Ungdomsteam Sør", "executive", False, None, "Tverrfaglig team, sør."),
    ("team-sentrum", "Ungdomsteam Sentrum", "executive", False, None, "Tverrfaglig team, sentrum."),
]

# body, person, role, months ago started, ends in days (None = open)
MEMBERSHIPS = [
    ("politirad", "ordforer", "chair", 30, None),
    ("politirad", "kari", "secretary", 30, None),
    ("politirad", "kdir", "member", 30, None),
    ("politirad", "stasjonssjef", "member", 30, None),
    ("politirad", "stine", "member", 30, None),
    ("politirad", "helse", "member", 30, None),
    ("politirad", "per", "observer", 18, None),
    ("koord-barn", "kari", "chair", 24, None),
    ("koord-barn", "bv-leder", "member", 24, None),
    ("koord-barn", "ppt-leder", "member", 24, None),
    ("koord-barn", "helsesykepleier", "member", 24, 40),
    ("koord-barn", "bhg-styrer", "member", 12, None),
    ("koord-barn", "per", "member", 24, None),
    ("koord-ungdom", "stine", "chair", 24, None),
    ("koord-ungdom", "kari", "secretary", 24, None),
    ("koord-ungdom", "rektor", "member", 24, None),
    ("koord-ungdom", "nav-leder", "member", 24, None),
    ("koord-ungdom", "kultur-leder", "member", 20, None),
    ("koord-ungdom", "vgs-radgiver", "member", 20, None),
    ("koord-ungdom", "ungkoord", "member", 14, None),
    ("koord-ungdom", "per", "member", 24, None),
    ("team-nord", "ola", "chair", 10, None),
    ("team-nord", "miljo1", "member", 10, None),
    ("team-nord", "politi2", "member", 10, None),
    ("team-nord", "helsesykepleier", "member", 10, 40),
    ("team-sor", "miljo2", "chair", 8, None),
    ("team-sor", "ola", "member", 8, None),
    ("team-sor", "politi2", "member", 8, None),
    ("team-sentrum", "kultur-leder", "chair", 6, None),
    ("team-sentrum", "flyktning-leder", "member", 6, None),
    ("team-sentrum", "frivillig-leder", "observer", 6, 20),
]


async def _insert(conn: AsyncConnection, table: str, rows: Iterable[dict[str, object]]) -> None:
    rows = list(rows)
    if not rows:
        return
    cols = list(rows[0])
    # Table and column names come from this module's constants, never from input.
    names, params = ", ".join(cols), ", ".join(":" + c for c in cols)
    sql = f"INSERT INTO {table} ({names}) VALUES ({params}) ON CONFLICT DO NOTHING"  # noqa: S608
    await conn.execute(sa.text(sql), rows)


def _months_ago(today: date, months: int) -> date:
    return (today.replace(day=1) - timedelta(days=30 * months)).replace(day=1)


async def load_demo(
    engine: AsyncEngine,
    *,
    person_secret: str,
    accounts: Sequence[DemoAccount],
    machines: Sequence[DemoMachine],
    today: date,
) -> None:
    """Load (or top up) the demo units. Runs as the schema owner (no row-level security)."""
    org = {k: demo_id(f"org/{k}") for k, _, _ in ORGANISATIONS}
    person = {k: demo_id(f"person/{k}") for k, *_ in PERSONS}
    body = {k: demo_id(f"body/{k}") for k, *_ in BODIES}
    u = DEMO_UNIT
    async with engine.begin() as conn:
        await _insert(
            conn,
            "slt_unit",
            [
                {
                    "id": u,
                    "name": "SLT Lillestrøm (demo)",
                    "kind": "municipality",
                    "police_district": "ost",
                    "language": "nb",
                },
                {
                    "id": OTHER_UNIT,
                    "name": "SLT Indre Sogn (demo)",
                    "kind": "inter_municipal",
                    "police_district": "vest",
                    "language": "nn",
                },
            ],
        )
        await _insert(
            conn,
            "slt_unit_municipality",
            [
                {"unit_id": u, "municipality_number": "3205", "position": 0},
                {"unit_id": OTHER_UNIT, "municipality_number": "4640", "position": 0},
                {"unit_id": OTHER_UNIT, "municipality_number": "4644", "position": 1},
            ],
        )
        await _insert(
            conn,
            "organisation",
            [
                {"id": org[k], "unit_id": u, "name": n, "type": ty, "municipality_number": "3205"}
                for k, n, ty in ORGANISATIONS
            ],
        )
        await _insert(
            conn,
            "person",
            [
                {
                    "id": person[k],
                    "unit_id": u,
                    "name": n,
                    "title": ti,
                    "organisation_id": org[o],
                    "email": f"{k}@demo.invalid",
                    "phone": None,
                }
                for k, n, ti, o in PERSONS
            ],
        )
        await _insert(
            conn,
            "body",
            [
                {
                    "id": body[k],
                    "unit_id": u,
                    "name": n,
                    "level": lvl,
                    "is_politiraad": pr,
                    "meeting_norm_per_year": norm,
                    "mandate": mandate,
                }
                for k, n, lvl, pr, norm, mandate in BODIES
            ],
        )
        person_org = {k: o for k, _, _, o in PERSONS}
        await _insert(
            conn,
            "membership",
            [
                {
                    "id": demo_id(f"membership/{b}/{p}"),
                    "unit_id": u,
                    "body_id": body[b],
                    "person_id": person[p],
                    "role": role,
                    "organisation_id": org[person_org[p]],
                    "valid_from": _months_ago(today, ago),
                    "valid_to": today + timedelta(days=ends) if ends is not None else None,
                }
                for b, p, role, ago, ends in MEMBERSHIPS
            ],
        )
        await _insert(
            conn,
            "establishment",
            [
                {
                    "unit_id": u,
                    "municipal_decision_date": date(2019, 3, 14),
                    "municipal_decision_ref": "PS 12/19",
                    "police_confirmation_date": date(2019, 4, 2),
                    "police_confirmation_ref": "ØPD 2019/4411",
                    "coordinator_person_id": person["kari"],
                    "coordinator_fte": 1,
                    "police_contact_person_id": person["per"],
                }
            ],
        )
        other_person = demo_id("other/person/nils")
        await _insert(
            conn,
            "person",
            [
                {
                    "id": other_person,
                    "unit_id": OTHER_UNIT,
                    "name": "Nils Nabokommune",
                    "title": "SLT-koordinator",
                    "organisation_id": None,
                    "email": None,
                    "phone": None,
                }
            ],
        )
        await _insert(
            conn,
            "body",
            [
                {
                    "id": demo_id("other/body/koord"),
                    "unit_id": OTHER_UNIT,
                    "name": "Koordineringsgruppa",
                    "level": "coordinating",
                    "is_politiraad": False,
                    "meeting_norm_per_year": 12,
                    "mandate": None,
                }
            ],
        )
        await _insert(conn, "user_account", _accounts(person_secret, accounts, person, home=True))
        await _insert(
            conn,
            "machine_client",
            [
                {
                    "consumer_id": m.consumer_id,
                    "unit_id": u,
                    "name": m.name,
                    "scopes": list(m.scopes),
                }
                for m in machines
            ],
        )
    # A later transaction, so a later created_at: the home unit stays the one a login starts in.
    async with engine.begin() as conn:
        await _insert(conn, "user_account", _accounts(person_secret, accounts, person, home=False))


def _accounts(
    secret: str, accounts: Sequence[DemoAccount], person: dict[str, UUID], *, home: bool
) -> list[dict[str, object]]:
    other_person = demo_id("other/person/nils")
    return [
        {
            "id": demo_id(f"account/{a.unit_id}/{a.pid}"),
            "unit_id": a.unit_id,
            "person_key": person_key(secret, a.pid),
            "roles": list(a.roles),
            "person_id": (other_person if a.unit_id == OTHER_UNIT else person[a.person])
            if a.person
            else None,
        }
        for a in accounts
        if a.home is home
    ]
