"""Archive adapters room: ``HttpTransport`` — a multipart POST of ``arkivmelding.xml`` and its
files to the archive's endpoint (httpx). 2xx with a kvittering → ``Receipt``; 5xx, 408/425/429,
timeouts and connection errors → ``TransientFailure``; other 4xx → ``Rejected``. Error texts name
the status, the error class or the archive's feilId — never a body or a record's content."""

from __future__ import annotations

import asyncio

import httpx

from adapters.archive.kvittering import InvalidKvittering, feil_id, parse_kvittering
from domain.archive.messages import Receipt
from domain.archive.ports import Rejected, TransientFailure
from domain.archive.records import ArchivePackage

RETRYABLE = frozenset({408, 425, 429})
XML = "application/xml"


class HttpTransport:
    def __init__(
        self,
        url: str,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.url = url
        self.timeout = timeout
        self._transport = transport  # tests: httpx.ASGITransport(app=receiver)
        self._headers = headers or {}

    async def send(self, package: ArchivePackage) -> Receipt:
        files = [("arkivmelding.xml", ("arkivmelding.xml", package.arkivmelding, XML))]
        files += [(d.filename, (d.filename, d.content, d.media_type)) for d in package.files]
        headers = {"Idempotency-Key": package.key, "Accept": XML, **self._headers}
        try:
            async with httpx.AsyncClient(transport=self._transport, timeout=self.timeout) as client:
                # one deadline for the whole exchange (httpx's are per phase)
                response = await asyncio.wait_for(
                    client.post(self.url, files=files, headers=headers), self.timeout
                )
        except (httpx.TimeoutException, TimeoutError) as exc:
            raise TransientFailure(f"timeout ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise TransientFailure(f"connection failed ({type(exc).__name__})") from exc
        status = response.status_code
        if status >= 500 or status in RETRYABLE:
            raise TransientFailure(f"HTTP {status}")
        if status >= 400:
            found = feil_id(response.content)
            raise Rejected(f"HTTP {status}" + (f" (feilId {found})" if found else ""))
        if not 200 <= status < 300:
            raise TransientFailure(f"HTTP {status}")
        try:
            return parse_kvittering(response.content)
        except InvalidKvittering as exc:
            raise TransientFailure(f"HTTP {status} without a valid kvittering") from exc
