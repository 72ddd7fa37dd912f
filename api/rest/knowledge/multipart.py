"""REST knowledge room: a ``multipart/form-data`` body read as a stream — the small form fields
into memory (each bounded), the file part handed on chunk by chunk and never held whole."""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from fastapi import Request
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from domain.shared.errors import ValidationFailed

FILE_FIELD = "file"
FIELDS_MAX = 16  # form fields before the file; a flood of tiny parts is refused early
HEADER_MAX = 4096


def _malformed(message: str) -> ValidationFailed:
    return ValidationFailed.single("body", "multipart", message)


@dataclass
class _Part:
    name: str = ""
    filename: str | None = None
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)


class FormStream:
    """The parts of one multipart body, in order: ``fields()`` collects the text fields sent
    before the file and stops at the file's part; ``file_chunks()`` then yields its bytes as they
    arrive. Fields must come first (browsers' ``FormData`` and httpx keep the order given)."""

    def __init__(self, request: Request, field_max: int) -> None:
        mime, params = parse_options_header(request.headers.get("content-type", ""))
        boundary = params.get(b"boundary")
        if mime != b"multipart/form-data" or not boundary or len(boundary) > 200:
            raise _malformed("Send multipart/form-data with a boundary.")
        self._field_max = field_max
        self._body = request.stream().__aiter__()
        self._events: deque[tuple[str, bytes]] = deque()
        self._header: list[bytes] = [b"", b""]
        self._ended = False
        self._parser = MultipartParser(
            boundary,
            {
                "on_part_begin": lambda: self._events.append(("begin", b"")),
                "on_header_field": lambda d, s, e: self._grow(0, d[s:e]),
                "on_header_value": lambda d, s, e: self._grow(1, d[s:e]),
                "on_header_end": self._header_end,
                "on_headers_finished": lambda: self._events.append(("headers", b"")),
                "on_part_data": lambda d, s, e: self._events.append(("data", bytes(d[s:e]))),
                "on_part_end": lambda: self._events.append(("end", b"")),
                "on_end": lambda: self._events.append(("done", b"")),
            },
            max_header_count=8,
            max_header_size=HEADER_MAX,
        )
        self.filename: str | None = None

    def _grow(self, which: int, data: bytes) -> None:
        self._header[which] += data

    def _header_end(self) -> None:
        self._events.append(("header", self._header[0] + b"\x00" + self._header[1]))
        self._header = [b"", b""]

    async def _next(self) -> tuple[str, bytes]:
        while not self._events:
            try:
                chunk = await self._body.__anext__()
            except StopAsyncIteration:
                raise _malformed("The multipart body ended early.") from None
            try:
                self._parser.write(chunk)
            except MultipartParseError:
                raise _malformed("The multipart body is malformed.") from None
        return self._events.popleft()

    async def _part(self) -> _Part | None:
        """The next part's headers; ``None`` at the end of the body."""
        kind, _ = await self._next()
        if kind == "done":
            return None
        if kind != "begin":
            raise _malformed("The multipart body is malformed.")
        part = _Part()
        while (event := await self._next())[0] == "header":
            name, _, value = event[1].partition(b"\x00")
            part.headers.append((name.lower(), value))
        if event[0] != "headers":
            raise _malformed("The multipart body is malformed.")
        for name, value in part.headers:
            if name == b"content-disposition":
                _, options = parse_options_header(value)
                part.name = options.get(b"name", b"").decode("utf-8", "replace")
                raw = options.get(b"filename")
                part.filename = None if raw is None else raw.decode("utf-8", "replace")
        return part

    async def fields(self) -> dict[str, str]:
        """The text fields before the file. The file part must be there."""
        values: dict[str, str] = {}
        while (part := await self._part()) is not None:
            if part.name == FILE_FIELD or part.filename is not None:
                self.filename = part.filename or ""
                return values
            if len(values) >= FIELDS_MAX:
                raise _malformed(f"At most {FIELDS_MAX} form fields.")
            values[part.name] = await self._text(part.name)
        raise ValidationFailed.single(FILE_FIELD, "required", "Send the file as the part `file`.")

    async def _text(self, name: str) -> str:
        data = b""
        while (event := await self._next())[0] == "data":
            data += event[1]
            if len(data) > self._field_max:
                raise ValidationFailed.single(
                    name, "too-long", "The form field is too long.", {"max": self._field_max}
                )
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationFailed.single(name, "text", "A form field is UTF-8 text.") from None

    async def file_chunks(self) -> AsyncIterator[bytes]:
        """The file part's bytes, as they arrive (call after ``fields``)."""
        while (event := await self._next())[0] == "data":
            if event[1]:
                yield event[1]
        if event[0] != "end":
            raise _malformed("The file part is malformed.")
