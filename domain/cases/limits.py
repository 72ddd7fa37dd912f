"""Cases domain room: the limits every door and form shares, declared once."""

from __future__ import annotations

NAME_MAX = 200  # subject, guardian, team member names
RELATION_MAX = 100
PHONE_MAX = 30
EMAIL_MAX = 254
GUARDIANS_MAX = 6
IDENTITY_NUMBER_LEN = 11
NOTE_MAX = 8000
DESCRIPTION_MAX = 2000  # commitment and breach descriptions
CHILD_VIEW_MAX = 4000
JUSTIFICATION_MIN = 20  # a legal basis' justification
JUSTIFICATION_MAX = 2000
BREAK_GLASS_REASON_MIN = 20
BREAK_GLASS_REASON_MAX = 1000
REVIEW_NOTE_MAX = 2000
REF_MAX = 200  # evidence references, agency decision references, notice versions
VERIFIED_BY_MAX = 200
SHA256_LEN = 64
PARTIES_MAX = 8
SCOPE_ORGANISATIONS_MAX = 50
TEAM_MAX = 40
COMMITMENTS_MAX = 50
BREACHES_MAX = 100
RETENTION_DAYS_MIN = 30
RETENTION_DAYS_MAX = 365 * 25
# Sane dates (a year-1 start or a year-9999 end overflows date arithmetic downstream):
CASE_START_PAST_YEARS = 25  # a case starts at most this long ago (the longest retention)
CASE_START_FUTURE_YEARS = 2
CASE_LENGTH_MAX_YEARS = 10  # any kind; the youth kinds have their own, shorter maximum
SUBJECT_AGE_MAX_YEARS = 100
CASE_LIST_MAX = 500  # my cases: a team member's cases, never paged further
