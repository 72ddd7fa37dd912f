"""REST measures room: the exports' tables as pure builders — the measure list (CSV) and an action
plan's tree (XLSX), with headings and values in bokmål, nynorsk or English. Texts are cells, so
``api.rest.tabular`` defuses any that a spreadsheet would run as a formula."""

from __future__ import annotations

from api.rest.inputs import UiLanguage as Lang
from api.rest.tabular import Cell
from domain.measures.export_views import MeasureExport, Names, PlanExport
from domain.measures.measure import EvaluationTrigger, Evidence, Tier
from domain.measures.stage import Stage
from domain.measures.views import MeasureView

MEASURE_HEADER: dict[Lang, tuple[str, ...]] = {
    Lang.NB: ("Tiltak", "Fase", "Forebyggingsnivå", "Innsatsområder", "Mål", "Ansvarlige",
              "Samarbeidspartnere", "Eier", "Målgruppe", "Alder", "Start", "Slutt",
              "Budsjett (kr)", "Timeverk", "Framdrift (%)", "Kunnskapsgrunnlag",
              "Evaluering påkrevd", "Vedtak", "Registervarsel"),
    Lang.NN: ("Tiltak", "Fase", "Førebyggingsnivå", "Innsatsområde", "Mål", "Ansvarlege",
              "Samarbeidspartnarar", "Eigar", "Målgruppe", "Alder", "Start", "Slutt",
              "Budsjett (kr)", "Timeverk", "Framdrift (%)", "Kunnskapsgrunnlag",
              "Evaluering påkravd", "Vedtak", "Registervarsel"),
    Lang.EN: ("Measure", "Stage", "Tier", "Focus areas", "Goals", "Responsible",
              "Partners", "Owner", "Target group", "Age", "Start", "End",
              "Budget (NOK)", "Staff hours", "Progress (%)", "Evidence",
              "Evaluation required", "Decision", "Registry warning"),
}  # fmt: skip
PLAN_HEADER: dict[Lang, tuple[str, ...]] = {
    Lang.NB: ("Innsatsområde", "Framdrift innsatsområde (%)", "Mål", "Framdrift mål (%)",
              "Tiltak", "Ansvarlige", "Forebyggingsnivå", "Fase", "Start", "Slutt",
              "Budsjett (kr)", "Framdrift tiltak (%)"),
    Lang.NN: ("Innsatsområde", "Framdrift innsatsområde (%)", "Mål", "Framdrift mål (%)",
              "Tiltak", "Ansvarlege", "Førebyggingsnivå", "Fase", "Start", "Slutt",
              "Budsjett (kr)", "Framdrift tiltak (%)"),
    Lang.EN: ("Focus area", "Focus area progress (%)", "Goal", "Goal progress (%)",
              "Measure", "Responsible", "Tier", "Stage", "Start", "End",
              "Budget (NOK)", "Measure progress (%)"),
}  # fmt: skip
STAGE: dict[Lang, dict[Stage, str]] = {
    Lang.NB: dict(zip(Stage, ("Foreslått", "Vurdert", "Vedtatt", "Aktiv", "Evaluert",
                              "Avsluttet", "Videreført", "Avvist", "Stoppet"), strict=True)),
    Lang.NN: dict(zip(Stage, ("Føreslått", "Vurdert", "Vedteke", "Aktiv", "Evaluert",
                              "Avslutta", "Vidareført", "Avvist", "Stoppa"), strict=True)),
    Lang.EN: dict(zip(Stage, ("Proposed", "Assessed", "Decided", "Active", "Evaluated",
                              "Concluded", "Continued", "Rejected", "Stopped"), strict=True)),
}  # fmt: skip
TIER: dict[Lang, dict[Tier, str]] = {
    Lang.NB: dict(zip(Tier, ("Universelt (byggende)", "Selektivt (forebyggende)",
                             "Indikert (kriminalitetsforebyggende)"), strict=True)),
    Lang.NN: dict(zip(Tier, ("Universelt (byggjande)", "Selektivt (førebyggjande)",
                             "Indikert (kriminalitetsførebyggjande)"), strict=True)),
    Lang.EN: dict(zip(Tier, ("Universal", "Selective", "Indicated"), strict=True)),
}  # fmt: skip
EVIDENCE: dict[Lang, dict[Evidence, str]] = {
    Lang.NB: dict(zip(Evidence, ("Dokumentert effekt", "Erfaringsbasert", "Ukjent"), strict=True)),
    Lang.NN: dict(zip(Evidence, ("Dokumentert effekt", "Erfaringsbasert", "Ukjend"), strict=True)),
    Lang.EN: dict(zip(Evidence, ("Documented", "Experience-based", "Unknown"), strict=True)),
}
TRIGGER: dict[Lang, dict[EvaluationTrigger, str]] = {
    Lang.NB: dict(zip(EvaluationTrigger, ("nytt eller utprøving", "overførbart", "kostnad",
                                          "risiko for negative virkninger", "forankret i strategi"),
                      strict=True)),
    Lang.NN: dict(zip(EvaluationTrigger, ("nytt eller utprøving", "overførbart", "kostnad",
                                          "risiko for negative verknader", "forankra i strategi"),
                      strict=True)),
    Lang.EN: dict(zip(EvaluationTrigger, ("new or trial", "transferable", "cost",
                                          "risk of negative effects", "anchored in a strategy"),
                      strict=True)),
}  # fmt: skip
YES: dict[Lang, str] = {Lang.NB: "Ja", Lang.NN: "Ja", Lang.EN: "Yes"}
NO: dict[Lang, str] = {Lang.NB: "Nei", Lang.NN: "Nei", Lang.EN: "No"}


def percent(share: float) -> int:
    return int(max(0.0, min(1.0, share)) * 100 + 0.5)


def _join(values: list[str] | tuple[str, ...]) -> str | None:
    return ", ".join(values) or None


def _age(v: MeasureView) -> str | None:
    lo, hi = v.measure.target_age_min, v.measure.target_age_max
    if lo is None and hi is None:
        return None
    return f"{'' if lo is None else lo}–{'' if hi is None else hi}"


def _required(v: MeasureView, lang: Lang) -> str:
    if not v.evaluation_required:
        return NO[lang]
    return f"{YES[lang]} ({', '.join(TRIGGER[lang][t] for t in v.evaluation_triggers)})"


def measure_row(v: MeasureView, names: Names, lang: Lang) -> list[Cell]:
    m = v.measure
    return [
        m.title,
        STAGE[lang][m.stage],
        TIER[lang][m.tier],
        _join([names.focus_areas[i] for i in m.focus_area_ids if i in names.focus_areas]),
        _join([names.goals[i] for i in m.goal_ids if i in names.goals]),
        _join(names.of_organisations(m.responsible_organisation_ids)),
        _join(names.of_organisations(m.partner_organisation_ids)),
        names.persons.get(m.owner_id) if m.owner_id else None,
        m.target_group,
        _age(v),
        m.start_on,
        m.end_on,
        m.budget_nok,
        m.staff_hours,
        percent(v.progress),
        EVIDENCE[lang][m.evidence],
        _required(v, lang),
        v.decision.label if v.decision else None,
        YES[lang] if m.registry_warning else None,
    ]


def measure_rows(export: MeasureExport, lang: Lang) -> list[list[Cell]]:
    """One row per measure, in the order read (by title)."""
    return [measure_row(v, export.names, lang) for v in export.measures]


def plan_rows(export: PlanExport, lang: Lang) -> list[list[Cell]]:
    """One row per measure under each goal (a measure under two goals is on both); a goal
    without measures, and a focus area without goals, still get a row of their own."""
    names, rows = export.names, []
    for area in export.tree.focus_areas:
        head: list[Cell] = [area.focus_area.title, percent(area.progress)]
        if not area.goals:
            rows.append(head + [None] * 10)
        for g in area.goals:
            goal: list[Cell] = [*head, g.goal.title, percent(g.progress)]
            if not g.measures:
                rows.append(goal + [None] * 8)
            for v in g.measures:
                m = v.measure
                rows.append(
                    [
                        *goal,
                        m.title,
                        _join(names.of_organisations(m.responsible_organisation_ids)),
                        TIER[lang][m.tier],
                        STAGE[lang][m.stage],
                        m.start_on,
                        m.end_on,
                        m.budget_nok,
                        percent(v.progress),
                    ]
                )
    return rows
