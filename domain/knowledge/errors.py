"""Knowledge domain room: the context's errors, each a subclass of a kernel error so the problem
renderer gives ``/problems/<code>`` and the kernel class's status (``ValidationFailed`` → 422,
``Conflict`` → 409)."""

from __future__ import annotations

import enum

from domain.shared.errors import NO_PARAMS, Conflict, FieldError, Params, ValidationFailed


class FileProblem(enum.StrEnum):
    """File-level problems: the whole file is refused, nothing is written."""

    ENCODING = "import-encoding"  # not UTF-8: the message names the byte offset / line
    COLUMNS = "import-columns"  # a required column missing, an unknown or ambiguous column
    EMPTY = "import-empty"  # no data rows
    LINE_TOO_LONG = "import-line-too-long"  # a line over 1 MiB
    ARCHIVE_UNSAFE = "import-archive-unsafe"  # XLSX: zip bomb, encrypted, nested, too many entries
    FORMAT = "import-format"  # unreadable: not CSV/JSONL/XLSX, bad JSON on line N, no sheet
    TOO_LARGE = "import-too-large"  # over SAMORDNA_IMPORT_MAX_BYTES
    ROWS_REJECTED = "import-rows-rejected"  # the job found row errors (see its error report)


TITLES: dict[FileProblem, str] = {
    FileProblem.ENCODING: "The file is not UTF-8 text",
    FileProblem.COLUMNS: "The file's columns do not fit the import kind",
    FileProblem.EMPTY: "The file has no data rows",
    FileProblem.LINE_TOO_LONG: "A line of the file is too long",
    FileProblem.ARCHIVE_UNSAFE: "The spreadsheet is not safe to open",
    FileProblem.FORMAT: "The file could not be read",
    FileProblem.TOO_LARGE: "The file is too large",
    FileProblem.ROWS_REJECTED: "Rows of the file were rejected",
}


class FileRejected(ValidationFailed):
    """The file as a whole is refused (422, ``/problems/<code>``); one field error on ``file``
    carries the same code and its parameters (``{"missing": "value,period"}``, ``{"line": 7}``).
    Raised by readers mid-stream and by the header checks at upload; a job records it as its
    ``JobError``."""

    def __init__(self, code: FileProblem | str, message: str, params: Params = NO_PARAMS) -> None:
        problem = FileProblem(code)
        error = FieldError(
            field="file", code=problem.value, message=message, param_items=(*params.items(),)
        )
        super().__init__([error], message)
        self.code = problem.value
        self.title = TITLES[problem]
        self.problem = problem
        self.message = message


class IndicatorCodeTaken(Conflict):
    code = "indicator-code-taken"
    title = "Another indicator of the unit has that code"


class IndicatorInUse(Conflict):
    code = "indicator-in-use"
    title = "The indicator has observations"


class ImportNotLatest(Conflict):
    """Rollback keeps stack discipline: only the latest committed import of a kind is undone."""

    code = "import-not-latest"
    title = "A later import of the same kind must be rolled back first"

    def __init__(self, later_id: str, detail: str | None = None) -> None:
        super().__init__(detail or f"Import {later_id} came later; roll it back first.")
        self.later_id = later_id


class ImportNotReady(Conflict):
    """Commit needs a previewed job without errors; rollback a committed one."""

    code = "import-not-ready"
    title = "The import is not in a state that allows this"

    def __init__(self, current: str, target: str, detail: str | None = None) -> None:
        self.precondition = detail or f"an import that is {current} cannot become {target}"
        super().__init__(f"{self.precondition[0].upper()}{self.precondition[1:]}.")
        self.current = current
        self.target = target
