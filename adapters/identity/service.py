"""The identity ports implemented: ``OidcLoginFlow`` (browser login/logout) and ``IdentityAuthenticator`` (sessions, bearer tokens)."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from uuid import UUID

from adapters.identity.machine import MachineTokenVerifier
from adapters.identity.oidc import LoginRefused, OidcRelyingParty
from adapters.identity.person_key import person_key
from adapters.identity.sessions import PgSessionStore
from domain.shared.errors import Forbidden, Unauthenticated
from domain.shared.identity import (
    AccessDirectory,
    CompletedLogin,
    LoginFailed,
    LoginRedirect,
    PersonAccount,
    SessionPrincipal,
    local_return_path,
)
from domain.shared.principal import Principal, PrincipalKind

log = logging.getLogger(__name__)

NO_ACCESS = "You have no access to any SLT unit."


class OidcLoginFlow:
    """``LoginFlow``: authorization code + PKCE + PAR through the relying party; sessions in PostgreSQL."""

    def __init__(
        self,
        *,
        rp: OidcRelyingParty,
        sessions: PgSessionStore,
        directory: AccessDirectory,
        person_key_secret: str,
    ) -> None:
        self._rp = rp
        self._sessions = sessions
        self._directory = directory
        self._secret = person_key_secret

    async def begin(self, *, return_to: str, locale: str) -> LoginRedirect:
        request = await self._rp.authorization_request(locale=locale)
        attempt = await self._sessions.create_pending(
            {
                "state": request.state,
                "nonce": request.nonce,
                "code_verifier": request.code_verifier,
                "return_to": local_return_path(return_to),
                "locale": locale,
            }
        )
        return LoginRedirect(url=request.url, attempt=attempt)

    async def complete(self, *, attempt: str, params: Mapping[str, str]) -> CompletedLogin:
        pending = await self._sessions.take_pending(attempt)
        if pending is None:
            raise LoginFailed(
                "The login attempt is unknown or has expired. Please log in again.",
                reason="expired",
            )
        locale = pending.get("locale")
        try:
            code = self._rp.code_from_callback(params, expected_state=pending["state"])
            id_token = await self._rp.exchange_code(code, code_verifier=pending["code_verifier"])
            claims = await self._rp.verify_id_token(id_token, nonce=pending["nonce"])
            pid = claims.get("pid")
            if not isinstance(pid, str) or not pid:
                raise LoginRefused("The identity provider did not say who you are (no pid).")
        except LoginRefused as exc:
            # Only the provider's answer for this very attempt (issuer and state match) is a
            # cancel; anything else is a failed check.
            cancelled = (
                params.get("error") == "access_denied"
                and params.get("iss") == self._rp.issuer
                and secrets.compare_digest(params.get("state", ""), pending["state"])
            )
            log.info(
                "login not completed", extra={"reason": "cancelled" if cancelled else "failed"}
            )
            raise LoginFailed(
                exc.detail,
                reason="cancelled" if cancelled else "failed",
                locale=locale if isinstance(locale, str) else None,
            ) from None
        key = person_key(self._secret, pid)
        accounts = await self._directory.accounts_for(key)
        unit_id = accounts[0].unit_id if accounts else None
        acr = claims.get("acr")
        session, csrf = await self._sessions.create_active(
            person_key=key,
            unit_id=unit_id,
            acr=acr if isinstance(acr, str) else None,
            id_token=id_token,
        )
        log.info("login completed", extra={"has_access": unit_id is not None, "acr": acr})
        return CompletedLogin(
            session=session, csrf_token=csrf, return_to=local_return_path(pending.get("return_to"))
        )

    async def switch_unit(self, session: str, unit_id: UUID) -> None:
        active = await self._sessions.get_active(session)
        if active is None:
            raise Unauthenticated("Your session has ended. Log in again.")
        if await self._directory.account(active.person_key, unit_id) is None:
            raise Forbidden("You have no access to that unit.")
        await self._sessions.set_unit(session, unit_id)

    async def logout(self, session: str, *, post_logout_redirect: str) -> str | None:
        existed, id_token = await self._sessions.delete(session)
        if not existed:
            return None
        return await self._rp.end_session_url(
            id_token_hint=id_token,
            post_logout_redirect_uri=post_logout_redirect,
            state=secrets.token_urlsafe(16),
        )


class IdentityAuthenticator:
    """``Authenticator``: roles are looked up on every request, so revocations take effect at once."""

    def __init__(
        self,
        *,
        sessions: PgSessionStore,
        directory: AccessDirectory,
        verifier: MachineTokenVerifier,
    ) -> None:
        self._sessions = sessions
        self._directory = directory
        self._verifier = verifier

    async def bearer(self, token: str) -> Principal:
        claims = await self._verifier.verify(token)
        # Authorise on the organisation (consumer.ID), never on the client_id.
        client = await self._directory.machine_client(claims.consumer_id)
        if client is None:
            log.info("machine token from unknown consumer", extra={"consumer": claims.consumer_id})
            raise Forbidden("This organisation is not registered as a client of any SLT unit.")
        log.info(
            "machine request",
            extra={
                "consumer": claims.consumer_id,
                "client_id": claims.client_id,
                "supplier": claims.supplier_id,
            },
        )
        return Principal(
            kind=PrincipalKind.MACHINE,
            subject_key=claims.consumer_id,
            unit_id=client.unit_id,
            unit_name=client.unit_name,
            display_name=client.name,
            scopes=claims.scopes & client.allowed_scopes,
            client_id=claims.client_id or None,
            supplier=claims.supplier_id,
        )

    async def session(self, session: str) -> SessionPrincipal | None:
        found = await self._sessions.get_active_with_accounts(session)  # one statement
        if found is None:
            return None
        active, accounts = found
        account: PersonAccount | None
        if active.unit_id is not None:
            # Revoked there: no quiet move to another unit, where a form still open would save.
            account = next((a for a in accounts if a.unit_id == active.unit_id), None)
        else:
            # No access at login; access granted since then counts without a new login.
            account = accounts[0] if accounts else None
        if account is None:
            raise Forbidden(NO_ACCESS)
        principal = Principal(
            kind=PrincipalKind.PERSON,
            subject_key=active.person_key,
            unit_id=account.unit_id,
            unit_name=account.unit_name,
            display_name=account.display_name,
            roles=account.roles,
            body_roles=dict(account.body_roles),
            assurance=active.acr,
            person_id=account.person_id,
        )
        return SessionPrincipal(principal=principal, csrf_token=active.csrf_token)
