"""Archive adapters room: the FIKS Arkiv code values Samordna sends (kodelister v1), in one place."""

from __future__ import annotations

from domain.archive.records import ArchiveDocument, RecordKind

SKJERMING_CODE = "13"
SKJERMING_DESCRIPTION = "Taushetsplikt"
SKJERMING_HJEMMEL = "Offl. § 13 jf. fvl. § 13"

# moetesakstype: an information item is a referatsak; discussions and decisions of an SLT body
# (not a political committee) are "Annet", described by their kind.
_INFORMATION, _DISCUSSION, _DECISION = (
    ("RS", "Referatsak"),
    ("AN", "Drøftingssak"),
    ("AN", "Vedtakssak"),
)
CASE_TYPES = {
    "information": _INFORMATION,
    "orienteringssak": _INFORMATION,
    "discussion": _DISCUSSION,
    "drøftingssak": _DISCUSSION,
    "decision": _DECISION,
    "vedtakssak": _DECISION,
}
PARTICIPANT_FUNCTIONS = {
    "LEDER": "Leder",
    "NESTL": "Nestleder",
    "MEDL": "Medlem",
    "VARA": "Varamedlem",
    "SEKR": "Sekretær",
}
DOCUMENT_TYPES = {
    RecordKind.MINUTES: ("PROTOKOLL", "Protokoll"),
    RecordKind.ACTION_PLAN: ("DOKUMENT", "Dokument"),
    RecordKind.AGREEMENT: ("AVTALE", "Avtale"),
    RecordKind.EVALUATION: ("RAPPORT", "Rapport"),
    RecordKind.MEASURE: ("NOTAT", "Notat"),
}
MAIN_DOCUMENT = ("H", "Hoveddokument")
ATTACHMENT = ("V", "Vedlegg")
FINISHED_DOCUMENT = ("F", "Dokumentet er ferdigstilt")
INTERNAL_NO_FOLLOW_UP = ("X", "Organinternt dokument uten oppfølging")
FINISHED_BY_OFFICER = ("F", "Ferdigstilt av saksbehandler")
MINUTES_DOCUMENT = ("MP", "Møteprotokoll")
PLAIN_TEXT = ("tekst", "Tekst som tekstformat")


def variant(doc: ArchiveDocument) -> tuple[str, str]:
    return ("A", "Arkivformat") if doc.pdfa else ("P", "Produksjonsformat")


def file_format(doc: ArchiveDocument) -> tuple[str, str]:
    """PRONOM identifiers: fmt/477 is PDF/A-2b (what the minutes renderer writes)."""
    if doc.pdfa:
        return ("fmt/477", "PDF/A-2b")
    if doc.media_type == "application/pdf":
        return ("PDF", "PDF (ikke PDF/A)")
    return (doc.media_type, doc.media_type)
