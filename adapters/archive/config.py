"""Archive adapters room: the transport a deployment configured
(``SAMORDNA_ARCHIVE_TRANSPORT=drop:<dir>`` | ``http:<url>``; default: a drop in ``var/archive-drop``)."""

from __future__ import annotations

from pathlib import Path

from adapters.archive.drop import DropTransport
from adapters.archive.http_transport import HttpTransport

DEFAULT_DROP = Path("var/archive-drop")


def transport_from_setting(
    value: str | None, default_drop: Path = DEFAULT_DROP
) -> DropTransport | HttpTransport:
    """``drop:<dir>``, ``http:<url>`` (or a bare ``http(s)://`` URL); None or "" → the default drop."""
    if not value:
        return DropTransport(default_drop)
    if value.startswith("drop:"):
        return DropTransport(Path(value.removeprefix("drop:")))
    url = (
        value.removeprefix("http:")
        if value.startswith("http:") and not value.startswith("http://")
        else value
    )
    if url.startswith(("http://", "https://")):
        return HttpTransport(url)
    raise ValueError("SAMORDNA_ARCHIVE_TRANSPORT must be drop:<dir> or http:<url>")
