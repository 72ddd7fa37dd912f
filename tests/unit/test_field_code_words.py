"""Every field-error code the server can send has words in each of the SPA's languages.

The SPA words a field error from its stable code (``serverError.<code>`` in
``frontend/src/features/shared/i18n/{nb,nn,en}.ts``); a code it has no words for falls back to
"Verdien er ikke gyldig", which tells the user nothing. This test collects the codes from the
Python sources (no list kept by hand, so it cannot drift): the second argument of every
``Errors.add`` / ``ValidationFailed.single`` call and the first of every ``PydanticCustomError``
in ``domain/``, ``api/`` and ``adapters/`` (string literals, or module constants such as
``CONTROL_CHARACTERS``), plus the values of ``api.rest.field_codes._CODES`` and its fallback.
A call whose code is neither fails the test too, so a new indirection cannot hide a code.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

from api.rest import field_codes

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("domain", "api", "adapters")
CATALOGUES = ROOT / "frontend" / "src" / "features" / "shared" / "i18n"
LANGUAGES = ("nb", "nn", "en")

# field_code's own fallbacks: an unknown pydantic type becomes "invalid"; "required" passes through.
FIELD_CODE_FALLBACKS = {"invalid", "required"}


def _files() -> list[Path]:
    return sorted(p for d in SOURCES for p in (ROOT / d).rglob("*.py"))


def _constants(trees: dict[Path, ast.Module]) -> dict[str, set[str]]:
    """Module-level ``NAME = "text"`` assignments of every module (a name may mean several)."""
    found: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in tree.body:
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                for t in targets:
                    if isinstance(t, ast.Name):
                        found.setdefault(t.id, set()).add(value.value)
    return found


def _code_argument(call: ast.Call, helpers: dict[str, tuple[int, str]]) -> ast.expr | None:
    """The code argument of a call that emits a field error, or None for any other call."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    keyword = next((k.value for k in call.keywords if k.arg == "code"), None)
    if name == "PydanticCustomError":
        return call.args[0] if call.args else keyword
    is_single = (
        name == "single"
        and isinstance(func, ast.Attribute)
        and getattr(func.value, "id", None) == "ValidationFailed"
    )
    # Errors.add(field, code, message[, params]); a repository's add(record) has one argument.
    is_errors_add = name == "add" and (
        len(call.args) >= 3 or any(k.arg == "message" for k in call.keywords)
    )
    if is_single or is_errors_add:
        return call.args[1] if len(call.args) > 1 else keyword
    if name in helpers:
        index, parameter = helpers[name]
        named = next((k.value for k in call.keywords if k.arg == parameter), None)
        return call.args[index] if len(call.args) > index else named
    return None


def _helpers(trees: dict[Path, ast.Module]) -> tuple[dict[str, tuple[int, str]], set[ast.Call]]:
    """Functions that pass one of their parameters on as the code (``_field(field, code, msg)``
    returning ``ValidationFailed.single(field, code, msg)``): name -> (position, parameter), and
    the forwarding calls inside them (their codes are read where the helper is called)."""
    found: dict[str, tuple[int, str]] = {}
    forwarding: set[ast.Call] = set()
    for tree in trees.values():
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            parameters = [a.arg for a in fn.args.args]
            for node in ast.walk(fn):
                arg = _code_argument(node, {}) if isinstance(node, ast.Call) else None
                if isinstance(arg, ast.Name) and arg.id in parameters:
                    found[fn.name] = (parameters.index(arg.id), arg.id)
                    forwarding.add(node)
    return found, forwarding


@cache
def emitted_codes() -> tuple[dict[str, set[str]], list[str], list[tuple[str, str, set[str]]]]:
    """Code -> where it is emitted, the calls whose code could not be read, and for each
    ``Errors.add`` / ``ValidationFailed.single`` with literal parameters: (code, where, their names)."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in _files()}
    constants = _constants(trees)
    helpers, forwarding = _helpers(trees)
    codes: dict[str, set[str]] = {}
    unreadable: list[str] = []
    with_params: list[tuple[str, str, set[str]]] = []
    for path, tree in trees.items():
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            arg = _code_argument(node, helpers)
            if arg is None or node in forwarding:
                continue
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                values = {arg.value}
            elif isinstance(arg, ast.Name) and arg.id in constants:
                values = constants[arg.id]
            else:
                unreadable.append(f"{where}:{node.lineno}: {ast.unparse(arg)}")
                continue
            for v in values:
                codes.setdefault(v, set()).add(where)
                names = _param_names(node)
                if names is not None:
                    with_params.append((v, f"{where}:{node.lineno}", names))
    for v in {*field_codes._CODES.values(), *FIELD_CODE_FALLBACKS}:
        codes.setdefault(v, set()).add("api/rest/field_codes.py")
    return codes, unreadable, with_params


def _param_names(call: ast.Call) -> set[str] | None:
    """The parameter names of an ``Errors.add`` / ``ValidationFailed.single`` call when they are
    written out (no parameters is the empty set); None for other calls or computed parameters."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in ("add", "single"):
        return None
    params = call.args[3] if len(call.args) > 3 else None
    params = next((k.value for k in call.keywords if k.arg == "params"), params)
    if params is None:
        return set()
    if isinstance(params, ast.Dict) and all(isinstance(k, ast.Constant) for k in params.keys):
        return {str(k.value) for k in params.keys if isinstance(k, ast.Constant)}
    return None


_KEY = re.compile(r"^ {4}(?:'(?P<quoted>[^']+)'|(?P<bare>[A-Za-z_]\w*))\s*:", re.MULTILINE)


def catalogue(language: str) -> dict[str, str]:
    """``serverError`` of one catalogue file: key -> its words (two-space indented, a key a line)."""
    text = (CATALOGUES / f"{language}.ts").read_text(encoding="utf-8")
    block = re.search(r"^ {2}serverError: \{\n(?P<body>.*?)^ {2}\},", text, re.S | re.M)
    assert block, f"{language}.ts has no serverError block"
    keys = list(_KEY.finditer(block["body"]))
    ends = [m.start() for m in keys[1:]] + [len(block["body"])]
    return {m["quoted"] or m["bare"]: block["body"][m.end() : end] for m, end in zip(keys, ends)}


# The SPA words an out-of-range without bounds itself (at-most, at-least, invalid: problem.ts).
OWN_PARAMS = {"out-of-range"}
# Known misfits, each a debt to pay (none at present: a code whose words need a parameter the
# call does not send is listed here as (code, file) until it is put right).
KNOWN_MISFITS: set[tuple[str, str]] = set()


def test_the_scan_finds_the_codes_it_should() -> None:
    codes, unreadable, _ = emitted_codes()
    assert not unreadable, "field-error codes the scan cannot read:\n" + "\n".join(unreadable)
    # A few known ones from each source, so a broken scan cannot pass by finding nothing.
    for code in ("age-range", "not-steering", "control-characters", "uuid", "too-long"):
        assert code in codes
    assert len(codes) > 40


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_field_error_code_has_words(language: str) -> None:
    codes, _, _ = emitted_codes()
    keys = catalogue(language)
    missing = sorted(c for c in codes if c not in keys)
    assert not missing, (
        f"serverError in frontend/src/features/shared/i18n/{language}.ts has no words for:\n"
        + "\n".join(f"  {c}  (from {', '.join(sorted(codes[c]))})" for c in missing)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_words_use_only_parameters_the_server_sends(language: str) -> None:
    """ "Bruk høyst {{max}} tegn." needs ``{"max": …}``; without it the user reads "{{max}}"."""
    _, _, with_params = emitted_codes()
    words = catalogue(language)
    wrong = []
    for code, where, names in with_params:
        if code in OWN_PARAMS or (code, where.split(":")[0]) in KNOWN_MISFITS:
            continue
        wanted = set(re.findall(r"\{\{(\w+)\}\}", words.get(code, "")))
        if not wanted <= names:
            wrong.append(f"  {where}: {code} sends {sorted(names)}, the words use {sorted(wanted)}")
    assert not wrong, f"{language}.ts words a code with parameters it is not sent:\n" + "\n".join(
        wrong
    )
