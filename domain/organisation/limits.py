"""Organisation domain room: the limits every door and form shares, declared once.

The entities check them; the REST DTOs point ``Field(max_length=…, ge=…)`` at them, so the
OpenAPI schema, and the SPA forms generated from it, cannot drift from the domain.
"""

from __future__ import annotations

from decimal import Decimal

NAME_MAX = 200
TEXT_MAX = 4000
REF_MAX = 100
EMAIL_MAX = 254
PHONE_MAX = 20
SEARCH_MAX = 100

MEETING_NORM_MIN = 1  # meetings a year
MEETING_NORM_MAX = 365

FTE_MIN_EXCLUSIVE = Decimal("0")  # a coordinator's share of a full-time position: above 0 …
FTE_MAX = Decimal("1")  # … at most 1
FTE_PLACES = 3  # the column is numeric(4, 3): a finer share would be rounded silently

LANGUAGES = ("nb", "nn")
LANGUAGE_PATTERN = r"^(nb|nn)$"
MUNICIPALITY_NUMBER_PATTERN = r"^[0-9]{4}$"
ORGANISATION_NUMBER_PATTERN = r"^[0-9]{9}$"
