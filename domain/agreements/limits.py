"""Agreements domain room: the limits every door and form shares, declared once."""

from __future__ import annotations

TITLE_MAX = 200
PARTIES_MIN = 2
PARTIES_MAX = 20
FILENAME_MAX = 200
SEARCH_MAX = 100

DOCUMENT_MAX_BYTES = 20 * 1024 * 1024  # a scanned, signed agreement of a few dozen pages
PDF_MAGIC = b"%PDF-"
PDF_MEDIA_TYPE = "application/pdf"
# The end-of-file marker sits in the last kilobyte of a whole PDF (trailing white space or a
# signature's padding aside): a file cut off in transfer lacks it.
PDF_TAIL_BYTES = 1024

# The review reminder, unless the coordinator sets one: three months before the agreement
# expires, time to put a renewal on a steering-group meeting (they meet about quarterly).
REVIEW_MONTHS_BEFORE = 3
