"""Archive adapter tests room: whatever text a record carries (markup, entities, emoji, control
characters, blanks, long strings), the arkivmelding and the extract stay valid and say it as text."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from adapters.archive.arkivmelding import FiksArkivMessageBuilder
from adapters.archive.extract.writer import NoarkExtractWriter
from adapters.archive.schemas import ARKIVSTRUKTUR_XSD, schema
from adapters.archive.xml import AM, clean
from domain.archive.extracts import Period
from domain.archive.records import ArchiveRecord, Participant, RecordKind
from domain.archive.settings import ArchiveSettings
from tests.unit.archive.samples import case_record, meeting, minutes_item, pdf

SETTINGS = ArchiveSettings(unit_id=meeting().meeting_id, enabled=True, class_id="026")
TEXT = st.text(max_size=300) | st.sampled_from(
    ["", " ", "\x00", "<b>&amp;</b>", "]]>", "\ud800", "😀" * 50]
)
BASE_MINUTES = minutes_item(meeting(), documents=(pdf(),))
BASE_CASE = case_record(RecordKind.EVALUATION, documents=(pdf(),), restricted=True)


def variants(title: str, other: str, kind: bool) -> ArchiveRecord:
    if kind:
        m = replace(
            BASE_MINUTES.meeting,  # type: ignore[arg-type]
            number=other, body_name=title, place=other,
            participants=(Participant(name=title, function=other, represents=other),),
        )  # fmt: skip
        item = replace(BASE_MINUTES.item, decision_text=other)  # type: ignore[arg-type]
        return replace(
            BASE_MINUTES, title=title, case_title=other, description=other, meeting=m, item=item
        )
    doc = replace(BASE_CASE.documents[0], title=other)
    return replace(
        BASE_CASE, title=title, case_title=other, public_title=other, description=title,
        author=other, documents=(doc,),
    )  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, other=TEXT, kind=st.booleans())
def test_any_text_makes_a_valid_message_and_extract(title: str, other: str, kind: bool) -> None:
    record = variants(title, other, kind)
    package = FiksArkivMessageBuilder().build(record, SETTINGS)  # validates itself
    doc = etree.fromstring(package.arkivmelding)
    reg_title = doc.findtext(f"{{{AM}}}registrering/{{{AM}}}tittel")
    assert reg_title == (clean(title) if clean(title).strip() else "Uten tittel")
    out = io.BytesIO()
    NoarkExtractWriter().write(
        [record], SETTINGS, Period(start=date(2025, 1, 1), end=date(2025, 12, 31)), out
    )
    structure = etree.fromstring(zipfile.ZipFile(out).read("arkivstruktur.xml"))
    assert schema(ARKIVSTRUKTUR_XSD).validate(structure)
