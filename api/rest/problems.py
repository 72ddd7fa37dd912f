"""Documentation of each problem ``type``: ``GET /problems/{code}`` explains what it means."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()

PROBLEMS = {
    "validation-failed": "The input broke one or more rules; `errors[]` names each field. Nothing was saved.",
    "not-found": "No such resource for you (another unit's data is never visible).",
    "conflict": "The change clashes with stored data (a duplicate name, a record still in use, an overlap).",
    "duplicate-name": "Another record in your unit already has that name (names are compared case-insensitively).",
    "in-use": "Other records still refer to this one; end or move those first, or mark it inactive.",
    "membership-overlap": "The person is already a member of this body in an overlapping period.",
    "chair-overlap": "The body already has a chair in that period; hand over the chair instead.",
    "already-ended": "The membership has already ended; correct its dates with an update instead.",
    "stale-version": "Someone changed the resource after you read it. Reload it and apply your change again.",
    "version-required": 'Updates must send If-Match: "<version>" with the version you read (the ETag).',
    "unauthenticated": "No valid session or bearer token. Log in, or send a fresh token.",
    "forbidden": "You are known, but your roles or scopes do not allow this.",
    "last-unit-admin": "The unit would have no unit admin left: give another person the role before you give it up.",
    "account-exists": "That person already has access to the unit; change the roles of their account instead.",
    "client-exists": "That organisation is already registered as a machine client of the unit.",
    "login-failed": "The login did not complete (cancelled, expired or a failed check). Start it again.",
    "csrf-failed": "A change with a session cookie must carry the X-CSRF-Token header from /api/me.",
    "rate-limited": "Too many requests from you (logins per address, or one machine client) in a short time. Wait the Retry-After seconds.",
    "bad-request": "The request could not be read: a body that is not JSON, not UTF-8, or nested too deeply.",
    "content-too-large": "The request body is larger than the server accepts (1 MiB unless configured otherwise).",
    "bad-graphql-request": "The GraphQL request was refused before it ran: no query, a batch, malformed JSON or the wrong content type.",
    "illegal-transition": "The lifecycle does not allow that change now; `precondition` says why in English, `preconditionCodes` (measures) name each unmet precondition.",
    "plan-adopted": "An adopted action plan's tree is what the steering body decided: it is not changed (draft a new plan).",
    "measure-in-lifecycle": "Only a proposed measure can be removed; later its history is the record (reject or stop it instead).",
    "measure-not-running": "Evaluations belong to a decided or running measure.",
    "evaluation-completed": "A completed evaluation keeps its conclusion and is not removed.",
    "unsupported-media-type": "The uploaded bytes are not of an accepted type (whatever the name or Content-Type says).",
    "case-body-not-executive": "Individual cases belong to an executive body (a youth team, a follow-up team); steering and coordinating bodies never hold them.",
    "case-closed": "The case is closed: its plan, team and dates are no longer changed.",
    "case-still-open": "Only a closed case is deleted; close it first.",
    "retention-not-due": "The closed case is not yet past the unit's retention period.",
    "open-case-exists": "The subject already has an open case of this kind on this body.",
    "consent-conflict": "Another event for the party was recorded first, or the event does not follow from the party's latest one (e.g. withdrawing what was never given). Reload and try again.",
    "last-lead": "A case keeps at least one lead: make someone else lead first.",
    "already-on-team": "The person already has a seat on the case's team.",
    "break-glass-refused": "Break-glass access is for persons with a seat in the case's executive body or on its team.",
    "already-reviewed": "The break-glass access has already been reviewed (each is reviewed once).",
    "consent-chain-broken": "A consent's event log does not verify (a changed, missing or reordered event); nothing is derived from it.",
    "internal-error": "Something failed on our side. Nothing was saved; try again later.",
    "unavailable": "The database is out of reach for the moment. Try again after the Retry-After seconds.",
}


@router.get("/problems/{code}", tags=["problems"], operation_id="problems-get")
async def describe(code: str) -> dict[str, str]:
    """What a problem type means."""
    return {"type": f"/problems/{code}", "description": PROBLEMS.get(code, "Unknown problem type.")}
