"""REST: the browser login/logout routes (server-side OIDC, backend-for-frontend) and ``/api/me``."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import Field

from api.rest.access.schemas import UnitSwitch
from api.rest.deps import SESSION_COOKIE, container, current_principal
from api.rest.dtos import Dto
from api.rest.errors import CsrfFailed, responses
from api.rest.inputs import UiLanguage
from domain.access.service import AccessService
from domain.shared.errors import Forbidden, Unauthenticated
from domain.shared.identity import LoginFailed, LoginFlow, local_return_path
from domain.shared.principal import Principal

LOGIN_COOKIE = "samordna_login"
LOGIN_COOKIE_PATH = "/auth"
LOGIN_COOKIE_MAX_AGE = 600
# The SPA's page for a login that did not complete: in the person's language, with a way back in.
LOGIN_FAILED_PAGE = "/innlogging-feilet"
LANGS = ("nb", "nn", "en")

router = APIRouter()


class UnitRef(Dto):
    id: UUID
    name: str


class BodyRoleRead(Dto):
    body_id: UUID
    role: str


class MeRead(Dto):
    kind: Literal["person", "machine"]
    display_name: str
    unit: UnitRef
    roles: list[str]
    body_roles: list[BodyRoleRead]
    scopes: list[str]
    assurance: str | None
    csrf_token: str | None = None
    person_id: UUID | None = Field(
        default=None, description="The staff person the caller is (empty for a machine client)."
    )
    units: list[UnitRef] = Field(
        default_factory=list, description="Every unit the caller may switch to (POST /api/me/unit)."
    )


class LogoutRead(Dto):
    redirect_to: str


def _secure(request: Request) -> bool:
    return bool(container(request).settings.secure_cookies)


def _post_logout_redirect(request: Request) -> str:
    return f"{str(container(request).settings.public_base_url).rstrip('/')}/"


@router.get(
    "/auth/login",
    tags=["auth"],
    operation_id="auth-login",
    status_code=302,
    response_class=RedirectResponse,
    responses={302: {"description": "To the identity provider"}},
)
async def login(
    request: Request,
    return_to: Annotated[str, Query(alias="returnTo")] = "/",
    lang: UiLanguage = UiLanguage.NB,
) -> RedirectResponse:
    """Start a login: redirects the browser to the identity provider."""
    flow: LoginFlow = container(request).login_flow
    try:
        redirect = await flow.begin(return_to=local_return_path(return_to), locale=lang)
    except Unauthenticated:  # the identity provider refused the request
        return _login_failed("failed", lang)
    response = RedirectResponse(redirect.url, status_code=302)
    response.headers["Cache-Control"] = "no-store"
    response.set_cookie(
        LOGIN_COOKIE,
        redirect.attempt,
        max_age=LOGIN_COOKIE_MAX_AGE,
        path=LOGIN_COOKIE_PATH,
        httponly=True,
        secure=_secure(request),
        # Lax, not Strict: the callback is a top-level navigation from the identity provider.
        samesite="lax",
    )
    return response


@router.get(
    "/auth/callback",
    tags=["auth"],
    operation_id="auth-callback",
    status_code=302,
    response_class=RedirectResponse,
    responses={
        302: {
            "description": "Back to the page the login started from; a login that did not "
            f"complete goes to {LOGIN_FAILED_PAGE}?reason=cancelled|expired|failed&lang=…"
        }
    },
)
async def callback(request: Request) -> RedirectResponse:
    """The identity provider's answer: completes the login and sets the session cookie."""
    attempt = request.cookies.get(LOGIN_COOKIE)
    if not attempt:
        return _login_failed("expired", None)
    flow: LoginFlow = container(request).login_flow
    try:
        done = await flow.complete(attempt=attempt, params=dict(request.query_params))
    except LoginFailed as exc:
        return _login_failed(exc.reason, exc.locale)
    response = RedirectResponse(local_return_path(done.return_to), status_code=302)
    response.headers["Cache-Control"] = "no-store"
    response.delete_cookie(LOGIN_COOKIE, path=LOGIN_COOKIE_PATH)
    response.set_cookie(
        SESSION_COOKIE,
        done.session,
        path="/",
        httponly=True,
        secure=_secure(request),
        samesite="lax",
    )
    return response


def _login_failed(reason: str, lang: str | None) -> RedirectResponse:
    """To the SPA's friendly page (a person, not a program, follows this redirect)."""
    query = {"reason": reason, **({"lang": lang} if lang in LANGS else {})}
    response = RedirectResponse(f"{LOGIN_FAILED_PAGE}?{urlencode(query)}", status_code=302)
    response.headers["Cache-Control"] = "no-store"
    response.delete_cookie(LOGIN_COOKIE, path=LOGIN_COOKIE_PATH)
    return response


@router.post(
    "/auth/logout",
    tags=["auth"],
    operation_id="auth-logout",
    response_model=LogoutRead,
    responses=responses(401, 403),
)
async def logout(request: Request) -> JSONResponse:
    """End the browser session. Send the CSRF token; go to ``redirectTo`` (the provider's logout)."""
    session = request.cookies.get(SESSION_COOKIE)
    if not session or request.headers.get("authorization") is not None:
        raise Unauthenticated("There is no browser session to end.")
    try:
        await current_principal(request)
    except CsrfFailed:
        raise
    except Forbidden:
        # A valid session without any unit access never gets a CSRF token (/api/me is 403 for
        # it); it may still end itself. SameSite=Lax keeps cross-site POSTs from carrying it.
        pass
    flow: LoginFlow = container(request).login_flow
    url = await flow.logout(session, post_logout_redirect=_post_logout_redirect(request))
    body = LogoutRead(redirect_to=url or "/").model_dump(by_alias=True)
    response = JSONResponse(body, headers={"Cache-Control": "no-store"})
    response.delete_cookie(SESSION_COOKIE, path="/", secure=_secure(request), httponly=True)
    return response


@router.get("/api/me", tags=["auth"], operation_id="auth-me", responses=responses(401, 403))
async def me(
    request: Request, principal: Annotated[Principal, Depends(current_principal)]
) -> MeRead:
    """Who is calling: kind, unit, roles or scopes, assurance level, and (browser) the CSRF token."""
    # Set by current_principal when the caller came with a browser session.
    csrf: str | None = getattr(request.state, "csrf_token", None)
    return MeRead(
        kind="person" if principal.is_person else "machine",
        display_name=principal.display_name,
        unit=UnitRef(id=principal.unit_id, name=principal.unit_name),
        roles=sorted(str(r) for r in principal.roles),
        body_roles=[
            BodyRoleRead(body_id=body_id, role=str(role))
            for body_id, role in sorted(principal.body_roles.items(), key=lambda kv: str(kv[0]))
        ],
        scopes=sorted(principal.scopes),
        assurance=principal.assurance,
        csrf_token=csrf,
        person_id=principal.person_id if principal.is_person else None,
        units=[UnitRef(id=u.id, name=u.name) for u in await _access(request).units(principal)],
    )


def _access(request: Request) -> AccessService:
    return container(request).access  # type: ignore[no-any-return]


@router.post(
    "/api/me/unit",
    tags=["auth"],
    operation_id="auth-switchUnit",
    responses=responses(401, 403, 422),
)
async def switch_unit(
    body: UnitSwitch,
    request: Request,
    principal: Annotated[Principal, Depends(current_principal)],
) -> MeRead:
    """Switch the browser session to another unit the person has access to (send the CSRF token).
    Answers who you are there, as ``/api/me`` does."""
    session = request.cookies.get(SESSION_COOKIE)
    if not principal.is_person or not session or request.headers.get("authorization"):
        raise Forbidden("Only a browser session can switch unit.")
    await container(request).login_flow.switch_unit(session, body.unit_id)
    request.state.principal = None  # look the person up again, in the new unit
    return await me(request, await current_principal(request))
