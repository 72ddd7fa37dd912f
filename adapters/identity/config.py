"""Identity configuration: the plain values the composition root hands the identity adapters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ACR_LEVELS = ("idporten-loa-substantial", "idporten-loa-high")


@dataclass(frozen=True, slots=True, kw_only=True)
class IdentityConfig:
    """Everything the identity adapters need, as plain values (adapters never import ``api``).

    ``oidc_issuer``/``machine_issuer`` may be None only with the dev identity provider enabled: the
    dev provider's issuer (``{public_base_url}/dev-idp``, machines with a trailing slash) is used.
    """

    public_base_url: str
    person_key_secret: str
    state_dir: Path
    oidc_issuer: str | None = None
    oidc_client_id: str = "samordna"
    oidc_client_key_file: Path | None = None
    oidc_min_acr: str = "idporten-loa-substantial"
    oidc_scope: str = "openid profile"
    machine_issuer: str | None = None
    machine_jwks_uri: str | None = None
    machine_audience: str | None = None
    secure_cookies: bool = False
    session_idle_minutes: int = 30
    session_max_minutes: int = 120
    dev_idp_enabled: bool = False

    def __post_init__(self) -> None:
        if self.oidc_min_acr not in ACR_LEVELS:
            raise ValueError(f"unknown minimum acr {self.oidc_min_acr!r}")

    @property
    def base_url(self) -> str:
        return self.public_base_url.rstrip("/")

    @property
    def redirect_uri(self) -> str:
        return f"{self.base_url}/auth/callback"

    @property
    def post_logout_redirect_uri(self) -> str:
        return f"{self.base_url}/"

    @property
    def effective_machine_audience(self) -> str:
        """The ``aud`` machine tokens must carry: the configured one, else the public base URL
        (production settings insist on an explicit one, agreed with Maskinporten)."""
        return self.machine_audience or self.base_url

    @property
    def dev_idp_issuer(self) -> str:
        return f"{self.base_url}/dev-idp"

    @property
    def dev_idp_dir(self) -> Path:
        return self.state_dir / "dev-idp"

    @property
    def effective_oidc_issuer(self) -> str:
        if self.oidc_issuer:
            return self.oidc_issuer.rstrip("/")
        if not self.dev_idp_enabled:
            raise ValueError("no OIDC issuer configured and the dev identity provider is disabled")
        return self.dev_idp_issuer

    @property
    def effective_machine_issuer(self) -> str:
        if self.machine_issuer:
            return self.machine_issuer
        if not self.dev_idp_enabled:
            raise ValueError(
                "no machine issuer configured and the dev identity provider is disabled"
            )
        # Maskinporten's issuer ends with a slash; the dev provider mirrors that.
        return f"{self.dev_idp_issuer}/"
