"""Mail settings: the development catcher by default, never in production; a relay is configured."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from api.bootstrap import mail_config
from api.settings import Settings


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_development_mail_goes_to_the_local_catcher() -> None:
    dev = settings()
    assert dev.mail_catcher_enabled
    config = mail_config(dev)
    assert (config.host, config.port, config.security) == ("127.0.0.1", 8025, "none")


def test_production_never_uses_the_catcher() -> None:
    # The production checks want a whole deployment's settings; the switch is all this is about.
    prod = settings(mail_catcher=True).model_copy(update={"environment": "production"})
    assert prod.mail_catcher and not prod.mail_catcher_enabled


def test_a_relay_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {
        "SAMORDNA_MAIL_CATCHER": "false",
        "SAMORDNA_MAIL_HOST": "smtp.samordna.invalid",
        "SAMORDNA_MAIL_PORT": "465",
        "SAMORDNA_MAIL_SECURITY": "tls",
        "SAMORDNA_MAIL_USERNAME": "samordna",
        "SAMORDNA_MAIL_PASSWORD": "relay-secret-for-tests",
    }.items():
        monkeypatch.setenv(name, value)
    relay = settings()
    assert not relay.mail_catcher_enabled
    assert (relay.mail_host, relay.mail_port, relay.mail_security) == (
        "smtp.samordna.invalid",
        465,
        "tls",
    )
    assert "relay-secret" not in repr(relay)
    config = mail_config(relay)
    assert (config.host, config.port, config.security, config.username) == (
        "smtp.samordna.invalid",
        465,
        "tls",
        "samordna",
    )
    assert config.password == "relay-secret-for-tests"
    monkeypatch.setenv("SAMORDNA_MAIL_SECURITY", "ssl")
    with pytest.raises(ValidationError):
        settings()


def test_without_the_catcher_a_relay_is_required() -> None:
    with pytest.raises(ValueError, match="MAIL_HOST"):
        mail_config(settings(mail_catcher=False))
