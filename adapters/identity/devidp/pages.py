"""Dev identity provider: what it answers a browser (the persona picker, refusals, logged out) and its OAuth error body."""

from __future__ import annotations

import html
from collections.abc import Iterable

from starlette.responses import HTMLResponse, JSONResponse

from adapters.identity.devidp.model import OAuthError
from adapters.identity.personas import ACR_HIGH, DevPersona


def oauth_error(e: OAuthError) -> JSONResponse:
    return JSONResponse(
        {"error": e.error, "error_description": e.description},
        status_code=e.status,
        headers={"Cache-Control": "no-store"},
    )


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f'<!doctype html>\n<html lang="nb"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head><body><main>{body}</main></body></html>",
        status_code=status,
        headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"},
    )


def invalid_request(detail: str) -> HTMLResponse:
    return page(
        "Ugyldig innloggingsforespørsel",
        f"<h1>Ugyldig innloggingsforespørsel</h1><p>{detail}</p>",
        400,
    )


def invalid_logout() -> HTMLResponse:
    return page(
        "Ugyldig utlogging",
        "<h1>Ugyldig utlogging</h1><p>Adressen du skulle sendes til er ikke registrert.</p>",
        400,
    )


def logged_out() -> HTMLResponse:
    return page("Logget ut", "<h1>Du er logget ut</h1>")


def persona_picker(
    *, action: str, client_id: str, request_uri: str, personas: Iterable[DevPersona]
) -> HTMLResponse:
    """One button per persona, and one to cancel (the provider then answers ``access_denied``)."""
    esc = html.escape
    buttons = "\n".join(
        f'<li><button type="submit" name="persona" value="{esc(p.key)}">'
        f"<strong>{esc(p.display_name)}</strong></button> "
        f"<span>{esc(p.description)} Sikkerhetsnivå: "
        f"{'høyt' if p.acr == ACR_HIGH else 'betydelig'}.</span></li>"
        for p in personas
    )
    body = (
        "<h1>Logg inn i Samordna</h1>"
        "<p>Dette er utviklingsversjonen av innloggingen. Personene er oppdiktet og har "
        "syntetiske fødselsnumre.</p>"
        f'<form method="post" action="{esc(action)}">'
        f'<input type="hidden" name="client_id" value="{esc(client_id)}">'
        f'<input type="hidden" name="request_uri" value="{esc(request_uri)}">'
        f"<fieldset><legend>Velg hvem du vil logge inn som</legend><ul>{buttons}</ul>"
        "</fieldset>"
        '<p><button type="submit" name="cancel" value="1">Avbryt innloggingen</button></p>'
        "</form>"
    )
    return page("Logg inn – utviklings-ID-porten", body)
