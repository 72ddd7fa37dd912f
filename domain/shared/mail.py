"""Shared kernel room: the outbound-mail port — a message value, its limits and the errors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from domain.shared.errors import DomainError, Errors
from domain.shared.validation import email, plain, text

SUBJECT_MAX = 200
BODY_MAX = 200_000  # characters of the text or HTML part
RECIPIENTS_MAX = 100
ATTACHMENTS_MAX = 10
ATTACHMENT_BYTES_MAX = 10 * 1024 * 1024  # per attachment; most relays refuse far above this
FILENAME_MAX = 120
ADDRESS_MAX = 254

_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$")
# A filename is a name, never a path; quotes and separators would also break the MIME header.
_FILENAME_FORBIDDEN = re.compile(r"[/\\\"\x00-\x1f\x7f]")
_LINE_BREAK = re.compile(r"[\r\n]")


class MailUnavailable(DomainError):
    """The mail server could not be reached or did not answer in time; sending again later may work."""

    code = "mail-unavailable"
    title = "The mail server is not available right now"
    transient = True


class MailRefused(DomainError):
    """The mail server refused the message or every recipient; sending it again will not help."""

    code = "mail-refused"
    title = "The mail server refused the message"
    transient = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Attachment:
    """A file sent along: a bare file name, a media type (``application/pdf``) and the bytes."""

    filename: str
    media_type: str
    content: bytes

    def __post_init__(self) -> None:
        errors = Errors()
        text(errors, "filename", self.filename, required=True, max_len=FILENAME_MAX)
        if _FILENAME_FORBIDDEN.search(self.filename) or self.filename.strip() in {".", ".."}:
            errors.add("filename", "invalid-filename", "A bare file name, without path or quotes.")
        if not _MEDIA_TYPE.match(self.media_type):
            errors.add("mediaType", "invalid-media-type", "A media type such as application/pdf.")
        if len(self.content) > ATTACHMENT_BYTES_MAX:
            errors.add(
                "content",
                "too-large",
                f"At most {ATTACHMENT_BYTES_MAX} bytes.",
                {"max": ATTACHMENT_BYTES_MAX},
            )
        errors.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class MailMessage:
    """One message to send. ``sender`` and each of ``to`` are bare addresses; ``text`` is always
    there (the plain part every client can show), ``html`` optional. Header fields cannot carry
    line breaks, so nothing a user typed can add a header (no header injection)."""

    sender: str
    to: tuple[str, ...]
    subject: str
    text: str
    html: str | None = None
    attachments: tuple[Attachment, ...] = ()

    def __post_init__(self) -> None:
        errors = Errors()
        _address(errors, "sender", self.sender)
        if not self.to:
            errors.add("to", "required", "At least one recipient.")
        if len(self.to) > RECIPIENTS_MAX:
            errors.add("to", "too-many", f"At most {RECIPIENTS_MAX}.", {"max": RECIPIENTS_MAX})
        for i, address in enumerate(self.to):
            _address(errors, f"to.{i}", address)
        text(errors, "subject", self.subject, required=True, max_len=SUBJECT_MAX)
        if _LINE_BREAK.search(self.subject) or not plain(self.subject):
            errors.add("subject", "control-characters", "One line without control characters.")
        text(errors, "text", self.text, required=True, max_len=BODY_MAX)
        if self.html is not None:
            text(errors, "html", self.html, required=True, max_len=BODY_MAX)
        if len(self.attachments) > ATTACHMENTS_MAX:
            errors.add(
                "attachments", "too-many", f"At most {ATTACHMENTS_MAX}.", {"max": ATTACHMENTS_MAX}
            )
        errors.raise_if_any()


def _address(errors: Errors, field: str, value: str) -> None:
    if not value or _LINE_BREAK.search(value) or not plain(value) or "," in value:
        errors.add(field, "invalid-email", "Not a valid e-mail address.")
        return
    email(errors, field, value, max_len=ADDRESS_MAX)


class OutboundMail(Protocol):
    """Sends one message to all its recipients, or raises.

    Returns, once the mail server has accepted the message, the recipients it refused (usually
    none: a partly refused message is still sent, and the caller decides what to tell). Raises
    ``MailUnavailable`` when the server cannot be reached, drops the connection or does not
    answer within the adapter's timeout — never hangs — and ``MailRefused`` when it refuses the
    message or every recipient. Never logs addresses, subjects or content.
    """

    async def send(self, message: MailMessage) -> tuple[str, ...]: ...
