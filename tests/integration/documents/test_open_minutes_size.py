"""Minutes at a realistic size (20 agenda items): several pages, every decision, page x of y."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from adapters.documents.minutes import WeasyMinutesRenderer
from domain.shared.documents import ActionItem, AgendaItem, AgendaKind, Decision
from tests.integration.documents.conftest import minutes

SUMMARY = (
    "Koordinatoren orienterte om arbeidet siden forrige møte, og gruppa drøftet hvordan "
    "tiltakene i handlingsplanen følges opp i skolene, fritidsklubbene og nærmiljøet.\n\n"
    "Politiet og kommunen la fram felles status for perioden."
)


def item(n: int) -> AgendaItem:
    return AgendaItem(
        number=n,
        title=f"Sak {n} – oppfølging av tiltak i bydel Østensjø",
        kind=AgendaKind.DECISION,
        summary=SUMMARY,
        decisions=(Decision(body_code="KOG", number=n, year=2026, text="Gruppa slutter seg til."),),
        action_items=tuple(
            ActionItem(text=f"Følge opp punkt {k}", owner="Åse Prøveby", due=date(2026, 4, k))
            for k in (1, 2)
        ),
    )


def test_twenty_items_page_by_page(renderer: WeasyMinutesRenderer) -> None:
    pdf = renderer.pdf(minutes(items=tuple(item(n) for n in range(1, 21))))

    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 3
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert all(f"Vedtak KOG {n}/2026" in text for n in range(1, 21))
    assert f"Side {len(pages)} av {len(pages)}" in text
    assert text.count("Følge opp punkt 2 Åse Prøveby 02.04.2026 Åpen") == 20
