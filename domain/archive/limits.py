"""Archive domain room: the limits every door and form shares, declared once."""

from __future__ import annotations

CODE_MAX = 100  # klassifikasjonssystem, klasse, arkivdel: short codes in the archive system
NAME_MAX = 200  # administrativ enhet, saksbehandler
EXTRACT_MAX_DAYS = 366 * 10  # a deposit covers at most a decade of a unit's records
