"""Wiring: production-shaped configuration without an issuer is refused; the dev CLI token is real."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from uuid import UUID

import pytest
from joserfc import jwt
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.identity.config import IdentityConfig
from adapters.identity.keys import load_or_create_key_list
from adapters.identity.wiring import build_identity, dev_machine_token
from domain.shared.identity import MachineClient, PersonAccount


class EmptyDirectory:
    async def accounts_for(self, person_key: str) -> Sequence[PersonAccount]:
        return []

    async def account(self, person_key: str, unit_id: UUID) -> PersonAccount | None:
        return None

    async def machine_client(self, consumer_id: str) -> MachineClient | None:
        return None


def test_without_dev_idp_an_issuer_is_required(tmp_path: Path) -> None:
    config = IdentityConfig(
        public_base_url="https://samordna.example", person_key_secret="s", state_dir=tmp_path
    )
    engine = create_async_engine("postgresql+asyncpg://nobody@localhost/none")
    with pytest.raises(ValueError, match="issuer"):
        build_identity(config, engine, EmptyDirectory())


async def test_production_shape_has_no_dev_idp(
    tmp_path: Path, config: IdentityConfig, client_key: object
) -> None:
    key_file = config.dev_idp_dir / "rp-client.json"
    prod = IdentityConfig(
        public_base_url="https://samordna.example",
        person_key_secret="s",
        state_dir=tmp_path / "prod",
        oidc_issuer="https://test.idporten.no",
        oidc_client_key_file=key_file,
        machine_issuer="https://test.maskinporten.no/",
    )
    engine = create_async_engine("postgresql+asyncpg://nobody@localhost/none")
    identity = build_identity(prod, engine, EmptyDirectory())
    try:
        assert identity.dev_idp is None
        assert identity.dev_provider is None
    finally:
        await identity.aclose()


async def test_dev_machine_token_is_a_real_token(config: IdentityConfig) -> None:
    token = await dev_machine_token(config, "import_script", ["samordna:import.write"])
    keys = load_or_create_key_list(config.dev_idp_dir / "signing-keys.json")
    claims = jwt.decode(token, keys[-1]).claims
    assert claims["iss"] == f"{config.dev_idp_issuer}/"
    assert claims["scope"] == "samordna:import.write"
    assert claims["consumer"]["ID"].startswith("0192:")
    assert claims["aud"] == config.effective_machine_audience == "http://samordna.test"


def test_machine_audience_is_the_configured_one_else_the_public_base_url(tmp_path: Path) -> None:
    base = {"public_base_url": "https://samordna.example/", "person_key_secret": "s"}
    assert IdentityConfig(**base, state_dir=tmp_path).effective_machine_audience == (
        "https://samordna.example"
    )
    configured = IdentityConfig(**base, state_dir=tmp_path, machine_audience="https://api.x.no")
    assert configured.effective_machine_audience == "https://api.x.no"
