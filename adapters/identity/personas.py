"""Dev and test personas: the people the dev identity provider's picker offers and the machine clients it knows.

All identity numbers are SYNTHETIC (month + 80); organisation numbers are invented. The demo loader
gives each persona the access described here (``unit``: "primary", "secondary" or None).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.shared.identity_number import first_synthetic

ACR_SUBSTANTIAL = "idporten-loa-substantial"
ACR_HIGH = "idporten-loa-high"

PRIMARY_UNIT = "primary"
SECONDARY_UNIT = "secondary"


@dataclass(frozen=True, slots=True, kw_only=True)
class DevPersona:
    key: str
    display_name: str
    description: str
    pid: str
    acr: str
    unit: str | None
    roles: tuple[str, ...] = ()
    body_role: str | None = None
    also: tuple[str, ...] = ()  # further units, with the same roles (granted after the first)


@dataclass(frozen=True, slots=True, kw_only=True)
class DevMachine:
    key: str
    client_id: str
    name: str
    org_number: str
    scopes: frozenset[str]
    supplier_org_number: str | None = None

    @property
    def consumer_id(self) -> str:
        return f"0192:{self.org_number}"


PERSONAS: tuple[DevPersona, ...] = (
    DevPersona(
        key="unit_admin",
        display_name="Siri Systemansvarlig",
        description="Systemansvarlig for SLT-enheten: forvalter enheten og tilgangene.",
        pid=first_synthetic(date(1975, 4, 12)),
        acr=ACR_HIGH,
        unit=PRIMARY_UNIT,
        roles=("unit_admin",),
    ),
    DevPersona(
        key="coordinator",
        display_name="Kari Koordinator",
        description="SLT-koordinator: holder orden på organisasjon, organer og medlemmer.",
        pid=first_synthetic(date(1982, 9, 3)),
        acr=ACR_HIGH,
        unit=PRIMARY_UNIT,
        roles=("coordinator",),
    ),
    DevPersona(
        key="body_member",
        display_name="Ola Medlem",
        description="Medlem av et samordningsorgan, uten roller i enheten ellers.",
        pid=first_synthetic(date(1990, 1, 27)),
        acr=ACR_SUBSTANTIAL,
        unit=PRIMARY_UNIT,
        body_role="member",
    ),
    DevPersona(
        key="police_contact",
        display_name="Per Politikontakt",
        description="Politikontakt: ser trender og møter, logger inn på høyt sikkerhetsnivå.",
        pid=first_synthetic(date(1979, 11, 8)),
        acr=ACR_HIGH,
        unit=PRIMARY_UNIT,
        roles=("police_contact",),
    ),
    DevPersona(
        key="steering_reader",
        display_name="Stine Styringsgruppe",
        description="Medlem av styringsgruppen med lesetilgang.",
        pid=first_synthetic(date(1968, 6, 30)),
        acr=ACR_HIGH,
        unit=PRIMARY_UNIT,
        roles=("steering_reader",),
    ),
    DevPersona(
        key="other_unit_coordinator",
        display_name="Nils Nabokommune",
        description="SLT-koordinator i en annen enhet (nabokommunen).",
        pid=first_synthetic(date(1985, 2, 14)),
        acr=ACR_HIGH,
        unit=SECONDARY_UNIT,
        roles=("coordinator",),
    ),
    DevPersona(
        key="inter_municipal_coordinator",
        display_name="Ingrid Interkommunal",
        description="Interkommunal SLT-koordinator med tilgang til begge enhetene.",
        pid=first_synthetic(date(1977, 10, 21)),
        acr=ACR_HIGH,
        unit=PRIMARY_UNIT,
        roles=("coordinator",),
        also=(SECONDARY_UNIT,),
    ),
    DevPersona(
        key="outsider",
        display_name="Una Utenfor",
        description="Har ingen tilgang i noen SLT-enhet.",
        pid=first_synthetic(date(2001, 7, 19)),
        acr=ACR_HIGH,
        unit=None,
    ),
)

MACHINE_CLIENTS: tuple[DevMachine, ...] = (
    DevMachine(
        key="police_system",
        client_id="dev-police-system",
        name="Politiets analysesystem (fiktivt)",
        org_number="991901000",
        scopes=frozenset({"samordna:trends.read"}),
    ),
    DevMachine(
        key="archive_system",
        client_id="dev-archive-system",
        name="Kommunens sak- og arkivsystem (fiktivt)",
        org_number="991902007",
        scopes=frozenset({"samordna:organisation.read", "samordna:archive.read"}),
        supplier_org_number="991903003",
    ),
    DevMachine(
        key="import_script",
        client_id="dev-import-script",
        name="Importskript (fiktivt)",
        org_number="991903003",
        scopes=frozenset({"samordna:import.write"}),
    ),
)


def persona(key: str) -> DevPersona:
    for p in PERSONAS:
        if p.key == key:
            return p
    raise KeyError(f"unknown persona {key!r}")


def machine(key: str) -> DevMachine:
    for m in MACHINE_CLIENTS:
        if m.key == key:
            return m
    raise KeyError(f"unknown machine persona {key!r}")


def machine_by_client_id(client_id: str) -> DevMachine | None:
    return next((m for m in MACHINE_CLIENTS if m.client_id == client_id), None)
