"""Demo room: the demo's invented records (every name is fictional) with ids derived from stable
keys (uuid5), and the login personas linked to them; ``load`` writes them idempotently."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import NAMESPACE_URL, UUID, uuid5


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
