"""GraphQL shared kernel: one convention maps a domain object onto a GraphQL type."""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from strawberry.types.base import StrawberryList, StrawberryOptional

T = TypeVar("T")
_Build = Callable[[Any, dict[str, Any]], Any]
_BUILDERS: dict[tuple[Any, ...], _Build] = {}


def _seq(value: Any) -> Any:
    # A set travels sorted (a stable answer), any other sequence as a list.
    if value is None:
        return None
    return sorted(value) if isinstance(value, frozenset | set) else list(value)


def _text(value: Any) -> Any:
    # An enum declared as a String travels as its value.
    return value.value if isinstance(value, enum.Enum) else value


def _hints(source: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(source)
    except Exception:  # an unresolvable annotation: convert defensively instead
        return {}


def _is_enum(hint: Any) -> bool:
    options = typing.get_args(hint) or (hint,)
    return any(isinstance(o, type) and issubclass(o, enum.Enum) for o in options)


def _converter(declared: Any, hint: Any) -> str | None:
    """The conversion a value needs on its way from the domain to the declared field, if any."""
    if isinstance(declared, StrawberryOptional):
        declared = declared.of_type
    if isinstance(declared, StrawberryList):
        return None if typing.get_origin(hint) is list else "_seq"
    if declared is str and (hint is None or _is_enum(hint)):
        return "_text"
    return None


def _builder(cls: type, source: type, given: frozenset[str]) -> _Build:
    """Generated once per (type, domain class, names given): as fast as a hand-written constructor.

    Copies each plain (resolver-less) field ``cls`` declares that ``source`` objects carry."""
    hints = _hints(source)
    args = []
    for f in cls.__strawberry_definition__.fields:  # type: ignore[attr-defined]
        name = f.python_name
        if f.base_resolver is not None or name in given or not hasattr(source, name):
            continue
        conv = _converter(f.type, hints.get(name))
        args.append(f"{name}={conv}(o.{name})" if conv else f"{name}=o.{name}")
    if given:
        args.append("**given")
    code = f"def build(o, given):\n    return cls({', '.join(args)})\n"
    scope: dict[str, Any] = {"cls": cls, "_seq": _seq, "_text": _text}
    exec(code, scope)  # noqa: S102 - the names are the type's own field names
    return scope["build"]  # type: ignore[no-any-return]


def from_domain(cls: type[T], obj: object, **given: Any) -> T:
    """``cls`` built from the same-named attributes of ``obj``; ``given`` supplies or overrides some.

    A declared field that ``obj`` lacks keeps the type's default (and fails if it has none)."""
    key = (cls, type(obj), *given)
    build = _BUILDERS.get(key)
    if build is None:
        build = _BUILDERS[key] = _builder(cls, type(obj), frozenset(given))
    return build(obj, given)  # type: ignore[no-any-return]
