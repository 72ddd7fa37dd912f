"""Meetings domain room: the limits every door and form shares, declared once (as ``organisation.limits``)."""

from __future__ import annotations

from datetime import timedelta

from domain.shared.documents import NAME_MAX as NAME_MAX
from domain.shared.documents import TEXT_MAX as TEXT_MAX  # one minutes text fits the open PDF

TITLE_MAX = 200
PLACE_MAX = 200
LINK_MAX = 500
REASON_MAX = 500  # a cancellation's or a correction's reason
AGENDA_ITEMS_MAX = 100  # the open minutes take 200; an agenda of a hundred is already a marathon
ATTENDANCE_MAX = 300
ACTION_TEXT_MAX = 2000
BODY_CODE_MAX = 10
MEETING_LENGTH_MAX = timedelta(hours=24)
