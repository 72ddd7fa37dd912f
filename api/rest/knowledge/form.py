"""REST knowledge room: the upload form's fields (kind, format, source, mapping, mode) read from
the multipart stream's text parts, checked as the JSON bodies are, with stable field errors."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from domain.knowledge import limits
from domain.knowledge.model import ImportFormat, ImportKind, ImportMode
from domain.shared.errors import Errors, ValidationFailed
from domain.shared.validation import CONTROL_CHARACTERS, CONTROL_MESSAGE, plain

FIELD_MAX = 64 * 1024  # the largest text part (a mapping of 50 columns fits many times over)
HEADER_MAX = limits.NAME_MAX  # a mapped source header
NOT_SENT = object()
KNOWN = frozenset({"kind", "format", "source", "mapping", "mode"})


@dataclass(frozen=True, slots=True)
class UploadForm:
    kind: ImportKind
    format: ImportFormat | None  # None: the domain reads it from the file name
    filename: str
    source_name: str | None
    mapping: dict[str, str] | None
    mode: ImportMode


def _choice(errors: Errors, name: str, raw: str | None, enum: Any, default: Any = None) -> Any:
    if raw is None or raw == "":
        if default is None:
            errors.add(name, "required", "This field is required.")
        return default
    try:
        return enum(raw)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        errors.add(name, "choice", f"One of: {allowed}.", {"expected": allowed})
        return default


def mapping_of(raw: Any, errors: Errors, field: str = "mapping") -> dict[str, str] | None:
    """A mapping (target column → source header) as sent: an object of texts, bounded."""
    if not isinstance(raw, dict):
        errors.add(field, "object", "A JSON object: target column → the file's header.")
        return None
    if len(raw) > limits.MAPPING_MAX:
        errors.add(field, "too-long", "Too many columns.", {"max": limits.MAPPING_MAX})
        return None
    out: dict[str, str] = {}
    for target, header in raw.items():
        where = f"{field}.{target}" if plain(target) and len(target) <= limits.CODE_MAX else field
        if not isinstance(header, str) or not header.strip():
            errors.add(where, "text", "Name the file's header as text.")
        elif len(target) > limits.CODE_MAX or len(header) > HEADER_MAX:
            errors.add(where, "too-long", "Too long.", {"max": HEADER_MAX})
        elif not (plain(target) and plain(header)):
            errors.add(where, CONTROL_CHARACTERS, CONTROL_MESSAGE)
        else:
            out[target] = header
    return out


def _mapping(errors: Errors, raw: str | None) -> dict[str, str] | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        errors.add("mapping", "json", "The mapping is a JSON object.")
        return None
    return mapping_of(value, errors)


def _filename(errors: Errors, raw: str) -> str:
    name = PurePath(raw.replace("\\", "/")).name.strip()  # never a path, only its last part
    if not plain(name):
        errors.add("file", CONTROL_CHARACTERS, CONTROL_MESSAGE)
    return name[: limits.FILENAME_MAX] or "upload"


def upload_form(fields: dict[str, str], filename: str) -> UploadForm:
    """The form's fields checked; every problem at once as one ``ValidationFailed``."""
    errors = Errors()
    for name in sorted(set(fields) - KNOWN):
        errors.add(name if plain(name) else "body", "unknown-field", "No such form field.")
    kind = _choice(errors, "kind", fields.get("kind"), ImportKind)
    name = _filename(errors, filename)
    fmt = _choice(errors, "format", fields.get("format"), ImportFormat, NOT_SENT)
    mode = _choice(errors, "mode", fields.get("mode"), ImportMode, ImportMode.PREVIEW)
    source = (fields.get("source") or "").strip() or None
    if source is not None and len(source) > limits.SOURCE_NAME_MAX:
        errors.add("source", "too-long", "Too long.", {"max": limits.SOURCE_NAME_MAX})
    elif source is not None and not plain(source):
        errors.add("source", CONTROL_CHARACTERS, CONTROL_MESSAGE)
    mapping = _mapping(errors, fields.get("mapping"))
    errors.raise_if_any()
    return UploadForm(kind, None if fmt is NOT_SENT else fmt, name, source, mapping, mode)


__all__ = ["FIELD_MAX", "UploadForm", "ValidationFailed", "mapping_of", "upload_form"]
