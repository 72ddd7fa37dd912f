"""Knowledge domain room: the limits every door, reader and form shares, declared once."""

from __future__ import annotations

CODE_MAX = 64  # indicator and area codes
NAME_MAX = 200
DESCRIPTION_MAX = 2000
SOURCE_NAME_MAX = 100  # a saved mapping's source name ("Ungdata 2025", "Politiets STRASAK")
FILENAME_MAX = 200
EXTERNAL_ID_MAX = 128
SUBJECT_KEY_MIN, SUBJECT_KEY_MAX = 8, 128
TEXT_CELL_MAX = 2000  # any other cell of a file
FACTORS_MAX = 30
YEAR_MIN, YEAR_MAX = 1900, 2100
RESIDENTS_MAX = 10_000_000
COUNT_MAX = 2_000_000_000  # fits PostgreSQL's integer
VALUE_MAX_DIGITS = 15  # a value has at most 15 digits before the point
VALUE_SCALE = 6  # … and at most 6 after it

IMPORT_MAX_BYTES = 512 * 1024 * 1024  # SAMORDNA_IMPORT_MAX_BYTES overrides it
HEADER_SNIFF_BYTES = 64 * 1024  # header checks at upload read at most this much
LINE_MAX_BYTES = 1024 * 1024  # a longer line is ``import-line-too-long``
ARCHIVE_ENTRY_MAX_BYTES = 200 * 1024 * 1024  # XLSX: an entry's uncompressed size
ARCHIVE_RATIO_MAX = 100  # XLSX: uncompressed / compressed
ARCHIVE_ENTRIES_MAX = 10_000
COLUMNS_MAX = 200  # a file with more header columns is refused (``import-columns``)
ROW_ERRORS_KEPT = 1000  # a job keeps the first errors and counts them all
ERROR_VALUE_MAX = 200  # an error's quoted value is cut to this length
SAMPLE_ROWS = 20  # a preview shows this many mapped rows
MAPPING_MAX = 50  # target columns in a mapping
RUNNING_AT_ONCE = 2  # import jobs the server runs at once
HEARTBEAT_STALE_SECONDS = 60  # a running job silent longer than this was interrupted
FILE_KEPT_HOURS = 24  # a previewed or interrupted job keeps its spooled file this long
SWEEP_BATCH = 500  # spooled files asked about at once ("which of these does a job name?")
PROGRESS_PER_SECOND = 2  # progress is recorded at most this often
