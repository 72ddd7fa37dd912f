"""Distribution's wiring: the development catcher ``make run`` starts keeps mail as .eml files, and
without catcher or relay the app still starts and distribution answers 503."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.mail.catcher import free_port
from api import bootstrap
from api.outbox import outbound_mail
from api.settings import Settings
from domain.shared.mail import MailMessage, MailUnavailable


async def test_the_development_catcher_keeps_mail_as_files(tmp_path: Path) -> None:
    """What ``make run`` starts: mail handed to the app's adapter lands in state_dir/mail."""
    dev = Settings(_env_file=None, state_dir=tmp_path, mail_catcher_port=free_port())  # type: ignore[call-arg]
    catcher = bootstrap.start_mail_catcher(dev)
    assert catcher is not None
    try:
        refused = await outbound_mail(dev).send(
            MailMessage(
                sender=dev.mail_from, to=("ny@example.invalid",), subject="Hei", text="Test"
            )
        )
    finally:
        catcher.stop()
    assert refused == () and len(list((tmp_path / "mail").glob("*.eml"))) == 1


async def test_without_catcher_or_relay_the_app_starts_and_distribution_says_503() -> None:
    dev = Settings(_env_file=None, mail_catcher=False)  # type: ignore[call-arg]
    mail = outbound_mail(dev)
    with pytest.raises(MailUnavailable, match="SAMORDNA_MAIL_HOST"):
        await mail.send(
            MailMessage(sender=dev.mail_from, to=("a@example.invalid",), subject="S", text="T")
        )
