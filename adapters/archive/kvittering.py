"""Archive adapters room: the archive's answer — ``arkivmeldingKvittering`` parsed into a
``Receipt`` (validated against the official XSD), a refusal into ``Rejected``."""

from __future__ import annotations

from lxml import etree

from adapters.archive.schemas import KVITTERING_XSD, InvalidXml, validate
from adapters.archive.xml import FEIL, KV
from domain.archive.messages import Receipt
from domain.archive.ports import Rejected

NS = {"k": KV, "f": FEIL}
MAX_BYTES = 1024 * 1024


class InvalidKvittering(ValueError):
    """The answer is not a kvittering we can read (never quotes the body)."""


def _parse(body: bytes) -> etree._Element:
    if len(body) > MAX_BYTES:
        raise InvalidKvittering("the kvittering is too large")
    parser = etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=False)
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise InvalidKvittering("the kvittering is not well-formed XML") from exc


def feil_id(body: bytes) -> str | None:
    """The ``feilId`` of a FIKS Arkiv feilmelding anywhere in ``body`` (None when there is none)."""
    try:
        root = _parse(body)
    except InvalidKvittering:
        return None
    found = next((e.text for e in root.iter() if etree.QName(e).localname == "feilId"), None)
    return found.strip()[:100] if found else None


def parse_kvittering(body: bytes) -> Receipt:
    """The archive's references. ``Rejected`` when it refused the mappe or the registrering — by
    its ``feilId`` only: the archive's free-text feilmelding may quote the record."""
    root = _parse(body)
    try:
        validate(KVITTERING_XSD, root)
    except InvalidXml as exc:
        raise InvalidKvittering(str(exc)) from exc
    for part in ("mappeFeilet", "registreringFeilet"):
        failed = root.find(f"k:{part}", NS)
        if failed is not None:
            raise Rejected(f"{part} (feilId {failed.findtext('f:feilId', namespaces=NS)})")
    mappe = root.find("k:mappeKvittering", NS)
    reg = root.find("k:registreringKvittering", NS)

    def text(node: etree._Element | None, name: str) -> str | None:
        return None if node is None else node.findtext(f"k:{name}", namespaces=NS)

    aar, seq = text(mappe, "saksaar"), text(mappe, "sakssekvensnummer")
    jp = text(reg, "journalpostnummer")
    if jp is None and text(reg, "journalsekvensnummer") is not None:
        jp = f"{text(reg, 'journalaar')}/{text(reg, 'journalsekvensnummer')}"
    answered = reg if reg is not None else mappe
    return Receipt(
        saksnummer=f"{aar}/{seq}" if aar and seq else None,
        journalpostnummer=jp,
        mappe_system_id=text(mappe, "systemID"),
        registrering_system_id=text(reg, "systemID"),
        existing=text(answered, "opprettetEllerEksisterende") == "Eksisterende",
    )
