"""GraphQL, cases context: the domain's enums as GraphQL enums, named once for every module."""

from __future__ import annotations

import strawberry

from domain.cases.case import CaseKind
from domain.cases.consent import CollectionMethod, EventKind, Forum, PartyKind, Purpose
from domain.cases.note import Duty, DutyAnswerKind, DutyTag
from domain.cases.policy import LegalBasisCode
from domain.cases.regimes import Category

CaseCategory = strawberry.enum(Category, name="CaseCategory")
DutyTagEnum = strawberry.enum(DutyTag, name="CaseDutyTag")
DutyEnum = strawberry.enum(Duty, name="CaseDuty")
DutyAnswerEnum = strawberry.enum(DutyAnswerKind, name="CaseDutyAnswer")
EventKindEnum = strawberry.enum(EventKind, name="ConsentEventKind")
MethodEnum = strawberry.enum(CollectionMethod, name="ConsentMethod")
CaseKindEnum = strawberry.enum(CaseKind, name="CaseKind")
PurposeEnum = strawberry.enum(Purpose, name="ConsentPurpose")
ForumEnum = strawberry.enum(Forum, name="ConsentForum")
PartyKindEnum = strawberry.enum(PartyKind, name="ConsentPartyKind")
LegalBasisEnum = strawberry.enum(LegalBasisCode, name="LegalBasisCode")
