"""Archive adapters room: the official XSDs in the repository, loaded once as lxml validators."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent / "schemas"
FIKS = ROOT / "fiks-arkiv-v1"
NOARK = ROOT / "noark5-v5.0"
ADDML = ROOT / "addml-v8.3"

ARKIVMELDING_XSD = FIKS / "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd"
KVITTERING_XSD = FIKS / "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering.xsd"
ARKIVSTRUKTUR_XSD = NOARK / "arkivstruktur.xsd"
ENDRINGSLOGG_XSD = NOARK / "endringslogg.xsd"
METADATAKATALOG_XSD = NOARK / "metadatakatalog.xsd"
ADDML_XSD = ADDML / "addml.xsd"

# What an extract carries beside its XML (arkivuttrekk.xml names them with checksums).
EXTRACT_SCHEMAS = {
    "arkivstruktur.xsd": ARKIVSTRUKTUR_XSD,
    "metadatakatalog.xsd": METADATAKATALOG_XSD,
    "endringslogg.xsd": ENDRINGSLOGG_XSD,
    "addml.xsd": ADDML_XSD,
}


@cache
def schema(path: Path) -> etree.XMLSchema:
    """The XSD at ``path`` (imports resolved next to it); no network access."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


class InvalidXml(ValueError):
    """Generated XML that does not validate: a bug in a builder (never record content here)."""


def validate(path: Path, doc: etree._Element) -> None:
    """Raise ``InvalidXml`` with the validator's messages (element paths and codes, no text)."""
    xsd = schema(path)
    if not xsd.validate(doc):
        errors = "; ".join(f"{e.path}: {e.type_name}" for e in list(xsd.error_log)[:5])
        raise InvalidXml(f"{path.name}: {errors}")
