"""The meetings context: a body's meetings, agendas, attendance, minutes, decisions, action items.

Aggregates (one module each, frozen dataclasses that ``check()`` themselves):
- ``meeting.Meeting``: one body's meeting — start/end (aware, at most 24 h), place and/or https
  link, status, cancellation reason, documentation status and archive-worthy flag.
- ``agenda_item.AgendaItem``: title, owner, kind (information | discussion | decision), position
  1..n without gaps (``reorder``), plain measure / focus-area ids.
- ``attendance.Attendance`` (present | absent with notice | absent without notice, substitute
  for whom, organisation represented) and ``Quorum``.
- ``minutes.MinutesVersion`` of ``ItemMinutes`` (open text + restricted text per agenda item),
  with an ``approval.Approval``; ``decision.Decision`` with a ``DecisionNumber`` ("KOG 12/2026");
  ``action_item.ActionItem`` (owner, due date, open | done | cancelled, ``is_overdue``).

Rules:
- Status machine (``status.TRANSITIONS``): planned → held → minutes_draft → minutes_approved →
  distributed; planned → cancelled (with a reason). Anything else raises ``IllegalTransition``
  (a ``Conflict``) naming the unmet precondition. A meeting is held only once it has begun.
- Quorum: more than half of the voting members (chair, deputy, member on the meeting's date;
  not secretaries or observers) present; a substitute fills the absent member's seat.
- Minutes: the restricted layer is shown only to the body's seat holders; only the open layer
  may leave (``MinutesVersion.open_layer``; the kernel's ``OpenMinutes`` has no restricted field).
- Approval by the chair on the meeting's date, or at a later held meeting of the same body
  (recorded with its id). Approval numbers the meeting's decisions in agenda order from the
  gapless per-body-and-year counter (``DecisionRepository.next_decision_number``), makes the
  record final and archive-worthy, and locks the version: a correction is a new version with a
  reason, made and approved by the chair; every version is kept.
- Every agenda title, minutes text, decision and action text passes the ``FreeTextGuard`` port
  (``guard.KernelGuard`` runs the kernel's recognisers at the body's level) before it is saved:
  findings raise ``PersonalDataFound`` with the spans unless an override reason is given, and
  each override is recorded in the ``OverrideLog`` in the same transaction.
- A draft's decisions and action items may be changed or removed (``drafts``); after approval
  only an action item's status moves (open → done | cancelled, and back to open), by its owner
  or a manager. Approved minutes stay a final record (documentation status).
- What leaves: ``publication.open_minutes`` maps an approved version into the kernel's
  ``OpenMinutes`` (names via organisation's person/organisation ports; a link is never printed).
- Distribution (``distribution``): approved minutes' open layer rendered once as PDF/A (the
  ``MinutesRenderer`` port) and mailed (``OutboundMail``) to the body's members on the meeting's
  day and everyone on the attendance list, once per address; then ``distributed``. The mail
  server down leaves the status as it was (retry is safe); refused or missing addresses are
  reported back. No transaction is open while rendering or mailing (docs/adr/0014).
- Authorisation (``policies``), deny by default: unit readers and the body's seat holders read;
  coordinator, unit admin and the body's chair or secretary manage; an action item's owner may
  move its status.

Left for the doors (next session): the PostgreSQL adapter (tables, the decision counter row,
a unique (body, year, sequence), a trigger refusing updates of approved versions, a deferrable
unique (meeting, position) on agenda items, one attendance row per person), REST/GraphQL DTOs and
error mapping (``IllegalTransition``/``MinutesLocked`` → 409, ``NotChair`` → 403,
``PersonalDataFound`` → 422 with spans), friendly checks that person/owner ids exist in the unit
(until then the foreign keys guarantee it), FKs that keep a body with meetings from being
deleted, ICS feeds, the annual wheel, meeting norms and
agreements, list pagination and filters, and a ``short_code`` on bodies (``decision.body_code``
derives one from the name until then).
"""
