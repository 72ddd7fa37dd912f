"""Cases domain room: the versioned policy data ("2026-1", to be confirmed by counsel) — who must
consent by source regime and age, the legal bases with their citations, break-glass length,
the retention default, birthday re-collection and the duties a note may prompt."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Final
from zoneinfo import ZoneInfo

from domain.cases.note import Duty, DutyPrompt, DutyTag
from domain.cases.regimes import Category, SourceRegime


class LegalBasisCode(enum.StrEnum):
    CONSENT = "consent"  # fvl § 13 a nr. 1
    ANONYMISED = "anonymised"  # fvl § 13 a nr. 2
    SAME_PURPOSE = "same_purpose"  # fvl § 13 b nr. 2
    NECESSARY_FOR_OWN_TASKS = "necessary_for_own_tasks"  # fvl § 13 b nr. 5
    REPORT_OFFENCE = "report_offence"  # fvl § 13 b nr. 6
    OWN_SERVICE = "own_service"  # the service's own information: not a disclosure
    BREAK_GLASS = "break_glass"


# The bases a case lead records for a recipient (the decision point's rule 5).
RECORDABLE_BASES: Final = frozenset(
    {
        LegalBasisCode.SAME_PURPOSE,
        LegalBasisCode.NECESSARY_FOR_OWN_TASKS,
        LegalBasisCode.REPORT_OFFENCE,
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class LegalBasis:
    code: LegalBasisCode
    citation: str
    text: MappingProxyType[str, str]  # language → what it means
    policy_version: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Requirement:
    """Whose ``given`` a consent needs for one regime at one age."""

    subject: bool
    guardians: bool  # every guardian with parental responsibility


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentPolicy:
    version: str
    adult_age: int = 18
    health_alone_age: int = 16  # pasient- og brukerrettighetsloven § 4-3
    child_welfare_party_age: int = 15  # party rights in child welfare from 15
    recollect_ages: tuple[int, ...] = (15, 16, 18)
    recollect_within_days: int = 30
    expiring_within_days: int = 30
    break_glass_hours: int = 2
    retention_days_default: int = 5 * 365
    regimes: frozenset[SourceRegime] = frozenset(SourceRegime)
    categories: frozenset[Category] = frozenset(Category)


POLICY: Final = ConsentPolicy(version="2026-1")
OSLO: Final = ZoneInfo("Europe/Oslo")


def local_day(at: datetime) -> date:
    """The Norwegian calendar day of an instant: ages, validity and bases are judged by it (a
    birthday begins at midnight in Oslo, not in UTC)."""
    return at.astimezone(OSLO).date() if at.tzinfo is not None else at.date()


BREAK_GLASS_HOURS: Final = POLICY.break_glass_hours
# Five years after closing: long enough for a renewed follow-up or an access request to find the
# history, short enough that a closed case of a child does not follow them into adulthood.
RETENTION_DAYS_DEFAULT: Final = POLICY.retention_days_default


def required_parties(regime: SourceRegime, age: int, policy: ConsentPolicy = POLICY) -> Requirement:
    """Whose consent a disclosure of ``regime``-sourced information needs at ``age`` (on the day
    of the read). Under 18 the child's own event is recorded but not required unless named."""
    if age >= policy.adult_age:
        return Requirement(subject=True, guardians=False)
    if regime is SourceRegime.HEALTH and age >= policy.health_alone_age:
        return Requirement(subject=True, guardians=False)
    if regime is SourceRegime.CHILD_WELFARE and age >= policy.child_welfare_party_age:
        return Requirement(subject=True, guardians=True)
    return Requirement(subject=False, guardians=True)


def _basis(code: LegalBasisCode, citation: str, nb: str, en: str) -> LegalBasis:
    text = MappingProxyType({"nb": nb, "nn": nb, "en": en})
    return LegalBasis(code=code, citation=citation, text=text, policy_version=POLICY.version)


_B = LegalBasisCode
LEGAL_BASES: Final = MappingProxyType(
    {
        b.code: b
        for b in (
            _basis(_B.CONSENT, "fvl. § 13 a nr. 1", "Samtykke", "Consent"),
            _basis(_B.ANONYMISED, "fvl. § 13 a nr. 2", "Anonymisert", "Anonymised"),
            _basis(
                _B.SAME_PURPOSE,
                "fvl. § 13 b første ledd nr. 2",
                "Samme formål som opplysningene ble innhentet for",
                "The purpose the information was collected for",
            ),
            _basis(
                _B.NECESSARY_FOR_OWN_TASKS,
                "fvl. § 13 b første ledd nr. 5",
                "Nødvendig for å fremme avgiverorganets oppgaver",
                "Necessary for the disclosing agency's own tasks",
            ),
            _basis(
                _B.REPORT_OFFENCE,
                "fvl. § 13 b første ledd nr. 6",
                "Anmeldelse av lovbrudd (etatens beslutning)",
                "Reporting an offence (decided by the agency)",
            ),
            _basis(_B.OWN_SERVICE, "", "Egen tjenestes opplysninger", "Your service's own"),
            _basis(_B.BREAK_GLASS, "", "Nødtilgang", "Break-glass access"),
        )
    }
)

DUTIES_OF_TAG: Final = MappingProxyType(
    {
        DutyTag.SUSPECTED_ABUSE: (Duty.REPORT_TO_CHILD_WELFARE, Duty.AVERT_CRIME),
        DutyTag.SUSPECTED_NEGLECT: (Duty.REPORT_TO_CHILD_WELFARE,),
        DutyTag.SERIOUS_CRIME: (Duty.AVERT_CRIME,),
    }
)

DUTIES: Final = MappingProxyType(
    {
        Duty.REPORT_TO_CHILD_WELFARE: DutyPrompt(
            duty=Duty.REPORT_TO_CHILD_WELFARE,
            citation="bvl. § 13-2",
            guidance={
                "nb": "Meldeplikten er personlig: meld straks til barnevernet ved grunn til å tro "
                "at et barn blir mishandlet eller utsatt for alvorlig omsorgssvikt.",
                "nn": "Meldeplikta er personleg: meld straks til barnevernet når det er grunn til "
                "å tru at eit barn blir mishandla eller utsett for alvorleg omsorgssvikt.",
                "en": "The duty is personal: report to child welfare at once when there is reason "
                "to believe a child is abused or seriously neglected.",
            },
            policy_version=POLICY.version,
        ),
        Duty.AVERT_CRIME: DutyPrompt(
            duty=Duty.AVERT_CRIME,
            citation="strl. § 196",
            guidance={
                "nb": "Avvergingsplikten gjelder alle: søk å avverge alvorlige straffbare "
                "handlinger ved anmeldelse eller på annen måte, uten hinder av taushetsplikt.",
                "nn": "Avvergingsplikta gjeld alle: søk å avverje alvorlege straffbare "
                "handlingar ved melding eller på anna vis, utan hinder av teieplikt.",
                "en": "Everyone must try to avert serious crimes by reporting them or otherwise, "
                "confidentiality notwithstanding.",
            },
            policy_version=POLICY.version,
        ),
    }
)


def duties_for(tags: frozenset[DutyTag]) -> tuple[Duty, ...]:
    """The duties to prompt for a note's tags, each once, in a stable order."""
    wanted = {d for t in tags for d in DUTIES_OF_TAG[t]}
    return tuple(d for d in Duty if d in wanted)
