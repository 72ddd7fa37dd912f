"""Measures domain room: the limits every door and form shares, declared once."""

from __future__ import annotations

TITLE_MAX = 200
TEXT_MAX = 4000  # description, problem, target group, findings, closing note, progress notes
SHORT_MAX = 200  # method, performer name, registry rating, a strategy
REASON_MAX = 1000
URL_MAX = 500
LIST_MAX = 30  # focus areas, goals, organisations, factors, registry references per measure
MILESTONES_MAX = 50
FOCUS_AREAS_MAX = 20
GOALS_MAX = 20  # per focus area
STRATEGIES_MAX = 20  # per focus area
AGE_MIN, AGE_MAX = 0, 25  # SLT serves children and young people
BUDGET_MAX_NOK = 1_000_000_000
STAFF_HOURS_MAX = 1_000_000
WEIGHT_MAX = 100

# Evaluation is required above this budget unless the unit sets its own amount (DOMAIN.md:
# "costly (above a unit-configured amount)"); 500 000 NOK is a typical threshold for a
# municipal project that must report back to its steering group.
DEFAULT_EVALUATION_THRESHOLD_NOK = 500_000

REPORT_MAX_BYTES = 20 * 1024 * 1024  # an evaluation report: PDF, DOCX or ODT
FILENAME_MAX = 200
DUE_WITHIN_DAYS = 30  # "evaluations due": not completed and due within this many days (or overdue)
PLAN_EXPIRING_WITHIN_DAYS = 180  # "plans expiring": adopted and ending within this many days
