"""Test support room: an archive system in a test — an ASGI app that receives FIKS Arkiv
arkivmeldinger as the HTTP transport posts them (multipart: ``arkivmelding.xml`` + files).

It validates each message against the official XSD and the files' SHA-256, keeps one record per
``referanseEksternNoekkel`` (a re-sent key is answered ``Eksisterende`` with the same numbers),
and can be told to fail transiently (``fail_next`` 503s), to reject (400 with a feilmelding), or
to answer slowly (``delay`` seconds). Use it with ``httpx.ASGITransport(app=receiver)``.
``kvittering_xml`` builds a valid ``arkivmeldingKvittering`` (also for the drop folder tests).
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID, uuid5

from lxml import etree
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from adapters.archive.schemas import ARKIVMELDING_XSD, schema
from adapters.archive.xml import AM, FEIL, KV, MDK, XSI, Node, serialise

NS = {"a": AM, "n": MDK}
IDS = UUID("5e3c1c3e-0000-4000-8000-000000000000")


@dataclass
class ArchivedCase:
    system_id: str
    year: int
    sequence: int


@dataclass
class ArchivedRegistration:
    system_id: str
    number: int
    key: str
    xml: bytes
    files: dict[str, bytes]


def kvittering_xml(
    *, mappe: ArchivedCase | None, mappe_key: str | None, mappe_existing: bool,
    registration: ArchivedRegistration | None, registration_existing: bool,
    saksmappe: bool = True, journalpost: bool = True,
) -> bytes:  # fmt: skip
    root = etree.Element(
        f"{{{KV}}}arkivmeldingKvittering", nsmap={None: KV, "n5mdk": MDK, "xsi": XSI}
    )
    top = Node(root, KV)
    if mappe is not None:
        m = (
            top.typed("mappeKvittering", "saksmappeKvittering")
            if saksmappe
            else top.add("mappeKvittering")
        )
        m.add("systemID", mappe.system_id)
        if mappe_key:
            m.key("referanseEksternNoekkel", mappe_key, "Samordna")
        m.add("opprettetEllerEksisterende", "Eksisterende" if mappe_existing else "Opprettet")
        if saksmappe:
            m.add("saksaar", mappe.year)
            m.add("sakssekvensnummer", mappe.sequence)
    if registration is not None:
        r = (
            top.typed("registreringKvittering", "journalpostKvittering")
            if journalpost
            else top.add("registreringKvittering")
        )
        r.add("systemID", registration.system_id)
        r.key("referanseEksternNoekkel", registration.key, "Samordna")
        r.add(
            "opprettetEllerEksisterende", "Eksisterende" if registration_existing else "Opprettet"
        )
        if journalpost:
            r.add("journalpostnummer", registration.number)
    return serialise(root)


def feilmelding_xml(feil_id: str, text: str) -> bytes:
    root = etree.Element(f"{{{KV}}}arkivmeldingKvittering", nsmap={None: KV, "f": FEIL})
    failed = Node(root, KV).add("mappeFeilet")
    failed.add("feilId", feil_id, ns=FEIL)
    failed.add("feilmelding", text, ns=FEIL)
    return serialise(root)


@dataclass
class ArchiveReceiver:
    year: int = 2026
    fail_next: int = 0
    reject: str | None = None
    delay: float = 0.0
    cases: dict[str, ArchivedCase] = field(default_factory=dict)
    registrations: dict[str, ArchivedRegistration] = field(default_factory=dict)
    posts: int = 0
    _sequence: Any = field(default_factory=lambda: itertools.count(101))

    @property
    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{path:path}", self._receive, methods=["POST"])])

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)

    def _refuse(self, status: int, feil_id: str, text: str) -> Response:
        return Response(
            feilmelding_xml(feil_id, text), status_code=status, media_type="application/xml"
        )

    async def _receive(self, request: Request) -> Response:
        self.posts += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.fail_next > 0:
            self.fail_next -= 1
            return Response("unavailable", status_code=503)
        if self.reject is not None:
            return self._refuse(400, "UGYLDIG-1", self.reject)
        form = await request.form()
        upload = form.get("arkivmelding.xml")
        if upload is None or isinstance(upload, str):
            return self._refuse(400, "MANGLER-MELDING", "arkivmelding.xml mangler")
        xml = await upload.read()
        doc = etree.fromstring(xml)
        if not schema(ARKIVMELDING_XSD).validate(doc):
            return self._refuse(400, "UGYLDIG-XSD", "arkivmelding.xml er ikke gyldig")
        files: dict[str, bytes] = {}
        for obj in doc.iterfind(".//a:dokumentobjekt", NS):
            name = obj.findtext("a:referanseDokumentfil", namespaces=NS)
            part = form.get(name)
            if part is None or isinstance(part, str):
                return self._refuse(400, "MANGLER-FIL", "en fil mangler")
            content = await part.read()
            if hashlib.sha256(content).hexdigest() != obj.findtext("a:sjekksum", namespaces=NS):
                return self._refuse(400, "FEIL-SJEKKSUM", "sjekksummen stemmer ikke")
            files[name] = content
        return self._archive(doc, xml, files)

    def _archive(self, doc: etree._Element, xml: bytes, files: dict[str, bytes]) -> Response:
        mappe = doc.find("a:mappe", NS)
        mappe_key = mappe.findtext("a:referanseEksternNoekkel/n:noekkel", namespaces=NS)
        mappe_existing = mappe_key in self.cases
        if not mappe_existing:
            sequence = next(self._sequence)
            self.cases[mappe_key] = ArchivedCase(str(uuid5(IDS, mappe_key)), self.year, sequence)
        reg = doc.find("a:registrering", NS)
        key = reg.findtext("a:referanseEksternNoekkel/n:noekkel", namespaces=NS)
        reg_existing = key in self.registrations
        if not reg_existing:
            number = 1 + sum(1 for r in self.registrations.values() if r.key.startswith(mappe_key))
            self.registrations[key] = ArchivedRegistration(
                str(uuid5(IDS, key)), number, key, xml, files
            )
        body = kvittering_xml(
            mappe=self.cases[mappe_key], mappe_key=mappe_key, mappe_existing=mappe_existing,
            registration=self.registrations[key], registration_existing=reg_existing,
            saksmappe=mappe.get(f"{{{XSI}}}type") == "saksmappe",
            journalpost=reg.get(f"{{{XSI}}}type") == "journalpost",
        )  # fmt: skip
        return Response(
            body, status_code=201 if not reg_existing else 200, media_type="application/xml"
        )
