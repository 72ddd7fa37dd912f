"""The outbound-mail message value: what it refuses before anything reaches a mail server."""

from __future__ import annotations

import pytest

from domain.shared.errors import ValidationFailed
from domain.shared.mail import ATTACHMENT_BYTES_MAX, RECIPIENTS_MAX, Attachment, MailMessage

SENDER = "postmottak@samordna.invalid"
TO = ("kari.testesen@samordna.invalid",)


def codes(raised: pytest.ExceptionInfo[ValidationFailed]) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in raised.value.errors}


def test_a_well_formed_message() -> None:
    pdf = Attachment(filename="protokoll.pdf", media_type="application/pdf", content=b"%PDF")
    message = MailMessage(sender=SENDER, to=TO, subject="Møte", text="Hei", attachments=(pdf,))
    assert message.attachments[0].filename == "protokoll.pdf"


@pytest.mark.parametrize(
    "subject",
    [
        "Møte\r\nBcc: someone@samordna.invalid",
        "Møte\nX-Injected: yes",
        "Møte\x1b[31m",
        " ",
        "x" * 201,
    ],
)
def test_the_subject_is_one_bounded_line(subject: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        MailMessage(sender=SENDER, to=TO, subject=subject, text="Hei")
    assert {field for field, _code in codes(raised)} == {"subject"}


@pytest.mark.parametrize(
    "address",
    [
        "ikke-en-adresse",
        "a@samordna.invalid\r\nBcc: b@samordna.invalid",
        "a@x.invalid, b@x.invalid",
        "",
    ],
)
def test_addresses_are_single_and_plain(address: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        MailMessage(sender=SENDER, to=(address,), subject="Møte", text="Hei")
    assert codes(raised) == {("to.0", "invalid-email")}
    with pytest.raises(ValidationFailed) as raised:
        MailMessage(sender=address, to=TO, subject="Møte", text="Hei")
    assert codes(raised) == {("sender", "invalid-email")}


def test_recipients_are_required_and_bounded() -> None:
    with pytest.raises(ValidationFailed) as raised:
        MailMessage(sender=SENDER, to=(), subject="Møte", text="Hei")
    assert codes(raised) == {("to", "required")}
    many = tuple(f"m{i}@samordna.invalid" for i in range(RECIPIENTS_MAX + 1))
    with pytest.raises(ValidationFailed) as raised:
        MailMessage(sender=SENDER, to=many, subject="Møte", text="Hei")
    assert codes(raised) == {("to", "too-many")}


def test_the_text_part_is_required_and_html_not_blank() -> None:
    with pytest.raises(ValidationFailed) as raised:
        MailMessage(sender=SENDER, to=TO, subject="Møte", text=" ", html="")
    assert codes(raised) == {("text", "required"), ("html", "required")}


@pytest.mark.parametrize(
    ("filename", "media_type", "size", "expected"),
    [
        ("../../etc/passwd", "application/pdf", 1, {("filename", "invalid-filename")}),
        ('a".pdf', "application/pdf", 1, {("filename", "invalid-filename")}),
        ("a.pdf", "pdf", 1, {("mediaType", "invalid-media-type")}),
        ("a.pdf", "application/pdf\r\nX: y", 1, {("mediaType", "invalid-media-type")}),
        ("a.pdf", "application/pdf", ATTACHMENT_BYTES_MAX + 1, {("content", "too-large")}),
    ],
)
def test_attachments_are_bare_names_of_a_media_type_and_bounded(
    filename: str, media_type: str, size: int, expected: set[tuple[str, str]]
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        Attachment(filename=filename, media_type=media_type, content=b"\0" * size)
    assert codes(raised) == expected
