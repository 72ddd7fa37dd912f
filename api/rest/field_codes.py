"""Pydantic's validation errors as the stable field-error codes and parameters the domain uses."""

from __future__ import annotations

from typing import Any

# Pydantic's error types change between releases and read like English; clients word these codes.
_CODES = {
    "missing": "required",
    "uuid_parsing": "uuid",
    "uuid_type": "uuid",
    "uuid_version": "uuid",
    "string_too_long": "too-long",
    "too_long": "too-long",
    "string_too_short": "too-short",
    "too_short": "too-short",
    "string_pattern_mismatch": "format",
    "string_type": "text",
    "int_parsing": "integer",
    "int_type": "integer",
    "int_from_float": "integer",
    "bool_parsing": "boolean",
    "bool_type": "boolean",
    "decimal_parsing": "number",
    "decimal_type": "number",
    "decimal_max_digits": "number",
    "decimal_max_places": "too-precise",
    "decimal_whole_digits": "number",
    "float_parsing": "number",
    "float_type": "number",
    "finite_number": "number",
    "enum": "choice",
    "literal_error": "choice",
    "date_parsing": "date-format",
    "date_from_datetime_parsing": "date-format",
    "date_from_datetime_inexact": "date-format",
    "date_type": "date-format",
    "greater_than": "out-of-range",
    "greater_than_equal": "out-of-range",
    "less_than": "out-of-range",
    "less_than_equal": "out-of-range",
    "extra_forbidden": "unknown-field",
    "json_invalid": "json",
    "model_attributes_type": "object",
    "model_type": "object",
    "dict_type": "object",
    "list_type": "list",
}

# ctx key -> parameter name, for the codes that carry a bound.
_PARAMS = {
    "max_length": "max",
    "min_length": "min",
    "ge": "min",
    "gt": "min",
    "le": "max",
    "lt": "max",
    "decimal_places": "max",
}


def field_code(error: dict[str, Any]) -> tuple[str, dict[str, int | str]]:
    """The stable code and parameters of one pydantic error (``{"type": "string_too_long", ...}``).

    A string length of at least 1 is the way DTOs say "required"; custom errors the DTOs raise
    themselves (``control-characters``, ``date-format``, ``required``) are already stable.
    """
    kind = str(error.get("type", "invalid"))
    ctx = error.get("ctx") or {}
    code = _CODES.get(kind, kind if "-" in kind or kind == "required" else "invalid")
    params: dict[str, int | str] = {}
    for key, name in _PARAMS.items():
        value = ctx.get(key)
        if isinstance(value, int | str) and not isinstance(value, bool):
            params[name] = value
        elif value is not None:
            params[name] = str(value)
    if code == "too-short" and params.get("min") == 1:
        return "required", {}
    if code == "choice" and "expected" in ctx:
        params["expected"] = str(ctx["expected"])
    return code, params
