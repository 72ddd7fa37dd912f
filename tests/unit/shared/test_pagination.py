"""Cursor pagination: cursors round-trip, garbage cursors and limits are refused as ``ValidationFailed``."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.shared.errors import ValidationFailed
from domain.shared.pagination import DEFAULT_LIMIT, MAX_LIMIT, Cursor, PageRequest

# PostgreSQL text cannot hold NUL, so no sort key (and no cursor the server makes) has one.
STORABLE = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)))


@given(key=STORABLE, id_=STORABLE)
def test_cursor_round_trip(key: str, id_: str) -> None:
    token = Cursor(key=key, id=id_).encode()
    assert Cursor.decode(token) == Cursor(key=key, id=id_)


@given(key=st.text(), id_=st.uuids())
def test_cursor_token_is_url_safe_without_padding(key: str, id_: object) -> None:
    token = Cursor(key=key, id=str(id_)).encode()
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _token(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "token",
    [
        "not base64 at all!",
        "x",  # impossible base64 length
        _token(["only one"]),
        _token(["a", "b", "c"]),
        _token([1, "id"]),
        _token(["key", None]),
        _token(42),
        _token(None),
        base64.urlsafe_b64encode(b"\xff\xfe\x00").decode(),
        base64.urlsafe_b64encode(b"[1,").decode(),
    ],
)
def test_bad_cursor_is_a_validation_failure_on_the_cursor_field(token: str) -> None:
    with pytest.raises(ValidationFailed) as exc:
        Cursor.decode(token)
    assert [(e.field, e.code) for e in exc.value.errors] == [("cursor", "invalid")]


@given(st.text())
def test_decoding_arbitrary_text_never_raises_anything_but_validation_failed(token: str) -> None:
    try:
        cursor = Cursor.decode(token)
    except ValidationFailed as exc:
        assert exc.errors[0].field == "cursor"
    else:
        assert isinstance(cursor.key, str)
        assert isinstance(cursor.id, str)


def test_page_request_defaults() -> None:
    assert PageRequest.of(None, None) == PageRequest(limit=DEFAULT_LIMIT, after=None)
    assert PageRequest.of(10, "") == PageRequest(limit=10, after=None)


def test_page_request_decodes_the_cursor() -> None:
    token = Cursor(key="ppt", id="42").encode()
    assert PageRequest.of(5, token).after == Cursor(key="ppt", id="42")


@pytest.mark.parametrize("limit", [1, MAX_LIMIT])
def test_page_request_limit_bounds_accepted(limit: int) -> None:
    assert PageRequest.of(limit, None).limit == limit


@pytest.mark.parametrize("limit", [0, -1, MAX_LIMIT + 1])
def test_page_request_limit_out_of_range(limit: int) -> None:
    with pytest.raises(ValidationFailed) as exc:
        PageRequest.of(limit, None)
    assert [(e.field, e.code) for e in exc.value.errors] == [("limit", "out-of-range")]


def test_page_request_bad_cursor() -> None:
    with pytest.raises(ValidationFailed) as exc:
        PageRequest.of(10, "%%%")
    assert exc.value.errors[0].field == "cursor"


@pytest.mark.parametrize("value", [{"key": "a", "id": "b"}, "ab"], ids=["object", "string"])
def test_cursor_must_be_a_json_pair(value: object) -> None:
    with pytest.raises(ValidationFailed):
        Cursor.decode(_token(value))
