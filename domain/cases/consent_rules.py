"""Cases domain room: the rules a consent and its events obey on the way in — scope, notice,
parties (the subject at most once, each guardian of the subject at most once) and which event
may follow a party's latest one."""

from __future__ import annotations

import re
from collections.abc import Iterable

from domain.cases import validation as val
from domain.cases.changes import NewConsent
from domain.cases.consent import ConsentEvent, EventKind, PartyKind
from domain.cases.limits import (
    CHILD_VIEW_MAX,
    PARTIES_MAX,
    REF_MAX,
    SCOPE_ORGANISATIONS_MAX,
    VERIFIED_BY_MAX,
)
from domain.cases.subject import Subject
from domain.shared.errors import Errors

_SHA256 = re.compile(r"^[0-9a-f]{64}$")

# What may follow a party's latest event (None: no event yet). A refusal after ``given`` is a
# withdrawal; ``expired`` is recorded on what was given.
FOLLOWS: dict[EventKind, frozenset[EventKind | None]] = {
    EventKind.GIVEN: frozenset({None, EventKind.REFUSED, EventKind.WITHDRAWN, EventKind.EXPIRED}),
    EventKind.REFUSED: frozenset({None, EventKind.WITHDRAWN, EventKind.EXPIRED}),
    EventKind.WITHDRAWN: frozenset({EventKind.GIVEN}),
    EventKind.EXPIRED: frozenset({EventKind.GIVEN}),
}


def may_follow(kind: EventKind, latest: ConsentEvent | None) -> bool:
    return (latest.kind if latest else None) in FOLLOWS[kind]


def _set(e: Errors, field: str, values: Iterable[object], *, limit: int) -> None:
    items = list(values)
    if not items:
        e.add(field, "required", "At least one.")
    elif len(items) > limit:
        e.add(field, "too-many", f"At most {limit}.", {"max": limit})


def check_new_consent(e: Errors, c: NewConsent, subject: Subject) -> None:
    _set(e, "purposes", c.purposes, limit=10)
    _set(e, "allowedCategories", c.allowed_categories, limit=50)
    _set(e, "sourceOrganisationIds", c.source_organisation_ids, limit=SCOPE_ORGANISATIONS_MAX)
    _set(e, "recipientOrganisationIds", c.recipient_organisation_ids, limit=SCOPE_ORGANISATIONS_MAX)
    _set(e, "forums", c.forums, limit=10)
    _set(e, "parties", c.parties, limit=PARTIES_MAX)
    if c.valid_to is not None and c.valid_to < c.valid_from:
        e.add("validTo", "before-start", "The end date comes before the start date.")
    val.text(e, "noticeVersion", c.notice_version, required=True, max_len=REF_MAX)
    if c.notice_language not in ("nb", "nn", "en", "se"):
        e.add("noticeLanguage", "invalid", "nb, nn, en or se.")
    if not isinstance(c.notice_sha256, str) or not _SHA256.match(c.notice_sha256):
        e.add("noticeSha256", "invalid", "The notice's SHA-256 as 64 lowercase hex digits.")
    val.text(e, "childView", c.child_view, required=False, max_len=CHILD_VIEW_MAX)
    guardians = {g.id for g in subject.guardians}
    seen: set[object] = set()
    for i, party in enumerate(c.parties):
        f = f"parties.{i}."
        val.text(
            e,
            f + "identityVerifiedBy",
            party.identity_verified_by,
            required=True,
            max_len=VERIFIED_BY_MAX,
        )
        key = party.guardian_id if party.kind is PartyKind.GUARDIAN else "subject"
        if party.kind is PartyKind.GUARDIAN and party.guardian_id not in guardians:
            e.add(f + "guardianId", "unknown", "Not a guardian of this subject.")
        elif party.kind is PartyKind.SUBJECT and party.guardian_id is not None:
            e.add(f + "guardianId", "not-allowed", "The subject's own party names no guardian.")
        if key in seen:
            e.add(f + "kind", "duplicate", "A party is listed twice.")
        seen.add(key)
