"""Fixtures for the identity adapters: a real dev identity provider, driven in-process over httpx."""

from __future__ import annotations

import shutil
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from joserfc import jwk

from adapters.identity.config import IdentityConfig
from adapters.identity.devidp import DevClient, DevIdentityProvider
from adapters.identity.keys import load_or_create_rsa_key
from adapters.identity.oidc import OidcRelyingParty
from adapters.identity.wiring import DevRoutingTransport

BASE = "http://samordna.test"


class Clock:
    """Wall-clock time that a test can move forward."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@pytest.fixture(scope="session")
def shared_key_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # RSA key generation is slow; tests share the persisted keys but never the provider state.
    return tmp_path_factory.mktemp("state") / "dev-idp"


@pytest.fixture
def config(tmp_path: Path, shared_key_dir: Path) -> IdentityConfig:
    state = tmp_path / "state"
    if shared_key_dir.exists():
        shutil.copytree(shared_key_dir, state / "dev-idp")
    return IdentityConfig(
        public_base_url=BASE, person_key_secret="test-secret", state_dir=state, dev_idp_enabled=True
    )


@pytest.fixture
def client_key(config: IdentityConfig, shared_key_dir: Path) -> jwk.RSAKey:
    key = load_or_create_rsa_key(config.dev_idp_dir / "rp-client.json")
    return key


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def dev(
    config: IdentityConfig, client_key: jwk.RSAKey, clock: Clock, shared_key_dir: Path
) -> DevIdentityProvider:
    provider = DevIdentityProvider(
        issuer=config.dev_idp_issuer,
        key_dir=config.dev_idp_dir,
        clients=[
            DevClient(
                client_id=config.oidc_client_id,
                public_key=jwk.RSAKey.import_key(client_key.as_dict(private=False)),
                redirect_uris=frozenset({config.redirect_uri}),
                post_logout_redirect_uris=frozenset({config.post_logout_redirect_uri}),
            )
        ],
        now=clock,
    )
    if not shared_key_dir.exists():
        shutil.copytree(config.dev_idp_dir, shared_key_dir)
    return provider


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    async def __call__(self, request: httpx.Request) -> None:
        await request.aread()
        self.requests.append(request)

    def to(self, path_suffix: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path.endswith(path_suffix)]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def http(dev: DevIdentityProvider, recorder: Recorder) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=DevRoutingTransport(dev.issuer, dev.app), event_hooks={"request": [recorder]}
    ) as client:
        yield client


@pytest.fixture
async def make_rp(  # type: ignore[no-untyped-def]
    config: IdentityConfig, client_key: jwk.RSAKey, dev: DevIdentityProvider, recorder: Recorder
):
    """Relying parties whose Authlib client reaches the dev provider in-process, recorded."""
    made: list[OidcRelyingParty] = []

    def make(min_acr: str = "idporten-loa-substantial") -> OidcRelyingParty:
        rp = OidcRelyingParty(
            issuer=config.dev_idp_issuer,
            client_id=config.oidc_client_id,
            client_key=client_key,
            redirect_uri=config.redirect_uri,
            min_acr=min_acr,
            transport=DevRoutingTransport(dev.issuer, dev.app),
            event_hooks={"request": [recorder]},
        )
        made.append(rp)
        return rp

    yield make
    for rp in made:
        await rp.aclose()
