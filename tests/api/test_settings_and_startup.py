"""Production settings refuse the dev identity provider; the app refuses a schema behind head."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from adapters.identity.keys import new_rsa_key
from adapters.postgres.database import drop_embedded_database, fresh_embedded_database
from api import bootstrap
from api.app import SchemaBehind, create_app
from api.cli import app as cli
from api.settings import Settings
from tests.conftest import STATE

PROD = {
    "environment": "production",
    "database_url": "postgresql://app@db.invalid/samordna",
    "oidc_issuer": "https://idporten.invalid",
    "oidc_client_key_file": "/run/secrets/client.jwk",
    "machine_issuer": "https://maskinporten.invalid/",
    "machine_audience": "https://samordna.invalid/api",
    "secret_key": "s" * 40,
    "person_key_secret": "p" * 40,
    "data_keys": "k1:" + "A" * 43 + "=",
    "index_key": "B" * 44,
    "public_base_url": "https://samordna.invalid",
    "mail_host": "smtp.samordna.invalid",
}


def test_production_settings_refuse_the_dev_identity_provider():
    with pytest.raises(ValueError, match="SAMORDNA_DEV_IDP must be false"):
        Settings(**PROD)
    s = Settings(**PROD, dev_idp=False)
    assert s.dev_idp_enabled is False
    assert s.secure_cookies is True


def test_production_needs_its_secrets_and_https():
    with pytest.raises(ValueError) as e:
        Settings(environment="production", dev_idp=False)
    for needed in ("DATABASE_URL", "SAMORDNA_OIDC_ISSUER", "SAMORDNA_MACHINE_ISSUER", "https"):
        assert needed in str(e.value)


def test_production_needs_the_machine_audience():
    without = {k: v for k, v in PROD.items() if k != "machine_audience"}
    with pytest.raises(ValueError, match="SAMORDNA_MACHINE_AUDIENCE is required"):
        Settings(**without, dev_idp=False)
    assert Settings(**PROD, dev_idp=False).machine_audience == "https://samordna.invalid/api"


def test_the_cli_reports_configuration_errors_without_a_traceback(monkeypatch):
    monkeypatch.setenv("SAMORDNA_ENVIRONMENT", "production")
    result = CliRunner().invoke(cli, ["db", "current"])
    assert result.exit_code == 2
    assert "Configuration error" in result.output
    assert "Traceback" not in result.output


def test_dev_idp_is_not_mounted_when_disabled(settings, database, tmp_path):
    key_file = tmp_path / "client.jwk"
    key_file.write_text(json.dumps(new_rsa_key().as_dict(private=True)))
    s = settings.model_copy(
        update={
            "dev_idp": False,
            "oidc_issuer": "https://idporten.invalid",
            "oidc_client_key_file": key_file,
            "machine_issuer": "https://maskinporten.invalid/",
            "machine_jwks_uri": "https://maskinporten.invalid/jwks",
        }
    )
    c = bootstrap.build_container(s, database)
    assert c.identity.dev_idp is None
    app = create_app(s, c)
    assert not any(getattr(r, "path", "") == "/dev-idp" for r in app.routes)


async def test_app_refuses_to_start_on_a_schema_behind_head(settings):
    urls = fresh_embedded_database(STATE, "samordna_unmigrated")
    app = create_app(settings, bootstrap.build_container(settings, urls))
    with pytest.raises(SchemaBehind, match="samordna db upgrade"):
        async with app.router.lifespan_context(app):
            pass
    drop_embedded_database(STATE, "samordna_unmigrated")
