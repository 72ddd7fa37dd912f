"""Configuration from the environment (``SAMORDNA_*``, plus ``DATABASE_URL``). One object, read once."""

from __future__ import annotations

import base64
import secrets
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Literal

from limits import parse as parse_rate
from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SAMORDNA_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    # PostgreSQL only. Unset: an embedded server (pgserver) with data under ``state_dir``.
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "SAMORDNA_DATABASE_URL")
    )
    # Owner role for migrations; defaults to ``database_url``. The app itself should connect
    # as a role without BYPASSRLS so row-level security holds (see docs/adr/0003).
    database_admin_url: str | None = None
    state_dir: Path = Path("var")
    # The built SPA (``frontend/dist`` in a checkout; set it where an installed package runs).
    spa_dir: Path = Path(__file__).resolve().parent.parent / "frontend" / "dist"
    public_base_url: str = "http://127.0.0.1:8000"
    host: str = "127.0.0.1"
    port: int = 8000

    # Secrets. In development they are generated once and kept under ``state_dir``.
    secret_key: SecretStr | None = None
    person_key_secret: SecretStr | None = None
    # The cases' field cipher (adapters/crypto): AES-256-GCM data keys ``kid:base64,…`` newest
    # first (the first encrypts, all decrypt), and the key of the identity number's keyed hash.
    data_keys: SecretStr | None = None
    index_key: SecretStr | None = None
    # The access log (issue 11): the sealer in the app's lifespan (unset: on, except in tests,
    # which seal when they mean to), every so many seconds; the Ed25519 key (base64 of 32 bytes)
    # that signs checkpoints, and the folder outside the database their files go to.
    audit_sealer: bool | None = None
    audit_seal_interval_seconds: float = Field(default=2.0, gt=0, le=3600)
    audit_signing_key: SecretStr | None = None
    audit_checkpoint_dir: Path | None = None

    # People: OpenID Connect (ID-porten profile). Unset issuer in development -> the dev provider.
    oidc_issuer: str | None = None
    oidc_client_id: str = "samordna"
    oidc_client_key_file: Path | None = None
    oidc_min_acr: Literal["idporten-loa-substantial", "idporten-loa-high"] = (
        "idporten-loa-substantial"
    )
    oidc_scope: str = "openid profile"

    # Machines: Maskinporten-profile bearer tokens.
    machine_issuer: str | None = None
    machine_jwks_uri: str | None = None
    # The ``aud`` every machine token must carry (the ``resource`` clients ask Maskinporten for).
    # Always checked; unset outside production it is ``public_base_url``.
    machine_audience: str | None = None

    # The in-process development identity provider. Never with production settings.
    dev_idp: bool = True

    session_idle_minutes: int = 30
    session_max_minutes: int = 120

    graphql_max_depth: int = 10
    graphql_max_aliases: int = 15
    graphql_max_tokens: int = 2000
    graphql_max_cost: int = 50_000

    # Rate limits, one each in ``limits`` notation ("20/minute"): the login start and callback
    # per client address; bearer-token requests per client (docs/adr/0008).
    rate_limit_login: str = "20/minute"
    rate_limit_machine: str = "600/minute"

    # Request bodies above this many bytes are refused with 413 before they are parsed.
    max_body_bytes: int = Field(default=1024 * 1024, ge=1)
    # Bulk imports (issue 12): a file uploaded to POST /api/imports (or given to `samordna
    # import`) may be at most this many bytes; a larger one is ``import-too-large``.
    import_max_bytes: int = Field(default=512 * 1024 * 1024, ge=1)

    # Outbound mail (docs/adr/0014). Outside production ``mail_catcher`` sends every message to a
    # local catcher (aiosmtpd on ``mail_catcher_port``, messages kept under ``state_dir/mail``)
    # instead of the relay; in production the relay is ``mail_host``.
    mail_catcher: bool = True
    mail_catcher_port: int = Field(default=8025, ge=1, le=65535)
    mail_host: str | None = None
    mail_port: int = Field(default=587, ge=1, le=65535)
    mail_security: Literal["starttls", "tls", "none"] = "starttls"
    mail_username: str | None = None
    mail_password: SecretStr | None = None
    mail_ca_file: Path | None = None
    mail_from: str = "samordna@samordna.invalid"
    mail_timeout_seconds: float = Field(default=15, gt=0, le=300)
    # Archive delivery (issue 13): drop:<dir> | http:<url>; unset: a drop under state_dir.
    archive_transport: str | None = None

    @field_validator("rate_limit_login", "rate_limit_machine")
    @classmethod
    def _is_a_rate(cls, value: str) -> str:
        parse_rate(value)  # raises ValueError with the reason
        return value

    @model_validator(mode="after")
    def _production_is_strict(self) -> Settings:
        if self.environment == "production":
            problems = []
            if self.dev_idp:
                problems.append("SAMORDNA_DEV_IDP must be false in production")
            if self.database_url is None:
                problems.append("DATABASE_URL is required in production")
            if self.oidc_issuer is None:
                problems.append("SAMORDNA_OIDC_ISSUER is required in production")
            if self.oidc_client_key_file is None:
                problems.append("SAMORDNA_OIDC_CLIENT_KEY_FILE is required in production")
            if self.machine_issuer is None:
                problems.append("SAMORDNA_MACHINE_ISSUER is required in production")
            if not self.machine_audience:
                problems.append("SAMORDNA_MACHINE_AUDIENCE is required in production")
            if self.secret_key is None or self.person_key_secret is None:
                problems.append("SAMORDNA_SECRET_KEY and SAMORDNA_PERSON_KEY_SECRET are required")
            if self.data_keys is None or self.index_key is None:
                problems.append("SAMORDNA_DATA_KEYS and SAMORDNA_INDEX_KEY are required")
            if not self.public_base_url.startswith("https://"):
                problems.append("SAMORDNA_PUBLIC_BASE_URL must be https in production")
            if not self.mail_host:  # minutes are distributed by mail (ADR 0014)
                problems.append("SAMORDNA_MAIL_HOST is required in production")
            if problems:
                raise ValueError("; ".join(problems))
        return self

    @property
    def dev_idp_enabled(self) -> bool:
        return self.dev_idp and self.environment != "production"

    @property
    def mail_catcher_enabled(self) -> bool:
        """Mail goes to the local catcher: asked for, and never in production."""
        return self.mail_catcher and self.environment != "production"

    @property
    def secure_cookies(self) -> bool:
        return self.public_base_url.startswith("https://")

    @property
    def dev_idp_issuer(self) -> str:
        return f"{self.public_base_url.rstrip('/')}/dev-idp"

    @property
    def effective_oidc_issuer(self) -> str:
        return self.oidc_issuer or self.dev_idp_issuer

    @property
    def effective_machine_issuer(self) -> str:
        # Maskinporten's issuer ends with a slash; the dev provider mirrors that.
        return self.machine_issuer or f"{self.dev_idp_issuer}/"

    def _state_secret(self, name: str, make: Callable[[], str] | None = None) -> str:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        path = self.state_dir / name
        if not path.exists():
            path.write_text(make() if make else secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()

    @cached_property
    def secret(self) -> str:
        """Signs cookies and CSRF tokens."""
        return (
            self.secret_key.get_secret_value() if self.secret_key else self._state_secret("secret")
        )

    @cached_property
    def person_secret(self) -> str:
        """Keys the HMAC that turns a national identity number into a person key."""
        if self.person_key_secret:
            return self.person_key_secret.get_secret_value()
        return self._state_secret("person-key-secret")

    @cached_property
    def field_data_keys(self) -> str:
        """The cases' data keys (``kid:base64,…``, newest first); in development one key kept
        under ``state_dir``."""
        if self.data_keys:
            return self.data_keys.get_secret_value()
        return self._state_secret("data-keys", lambda: f"dev1:{_key()}")

    @cached_property
    def field_index_key(self) -> str:
        """Keys the HMAC the identity numbers of case subjects are found by."""
        if self.index_key:
            return self.index_key.get_secret_value()
        return self._state_secret("index-key", _key)

    @property
    def audit_sealer_enabled(self) -> bool:
        return self.audit_sealer if self.audit_sealer is not None else self.environment != "test"

    @property
    def audit_checkpoints(self) -> Path:
        return self.audit_checkpoint_dir or self.state_dir / "audit-checkpoints"

    @cached_property
    def audit_key(self) -> bytes:
        """The checkpoints' Ed25519 signing key; in development one kept under ``state_dir``."""
        if self.audit_signing_key:
            return base64.b64decode(self.audit_signing_key.get_secret_value())
        if self.environment == "production":
            raise ValueError("SAMORDNA_AUDIT_SIGNING_KEY is required in production")
        return base64.b64decode(self._state_secret("audit-signing-key", _key))


def _key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()
