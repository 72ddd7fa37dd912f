"""Archive domain room: what is archived — records (one mappe + one registrering each) and documents."""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID


class RecordKind(enum.StrEnum):
    """The archive-worthy records (DOMAIN.md "Documentation and archive")."""

    MINUTES = "minutes"
    ACTION_PLAN = "action_plan"
    AGREEMENT = "agreement"
    EVALUATION = "evaluation"
    MEASURE = "measure"


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchiveDocument:
    """A file that travels with a message (PDF/A), named by ``filename`` inside the package."""

    filename: str
    media_type: str
    content: bytes
    sha256: str
    title: str = ""
    pdfa: bool = False  # PDF/A (archive format, variantformat "A"); else a production format
    # The document itself is screened (partly): e.g. the protocol of minutes with a restricted
    # agenda item names that item, even though its restricted text is not in it.
    restricted: bool = False

    @classmethod
    def of(
        cls,
        filename: str,
        media_type: str,
        content: bytes,
        title: str = "",
        *,
        pdfa: bool = False,
        restricted: bool = False,
    ) -> ArchiveDocument:
        digest = hashlib.sha256(content).hexdigest()
        return cls(
            filename=filename,
            media_type=media_type,
            content=content,
            sha256=digest,
            title=title,
            pdfa=pdfa,
            restricted=restricted,
        )

    @property
    def intact(self) -> bool:
        """The checksum matches the bytes."""
        return hashlib.sha256(self.content).hexdigest() == self.sha256


@dataclass(frozen=True, slots=True, kw_only=True)
class Participant:
    """A ``moetedeltaker``: name, function and organisation of someone present. ``function`` is a
    code of FIKS Arkiv's moetedeltakerfunksjon list: LEDER, NESTL, MEDL, VARA, SEKR (None when
    unknown or an observer); ``represents`` is the organisation (FIKS Arkiv ``representerer``)."""

    name: str
    function: str | None = None
    represents: str | None = None  # the organisation the participant sits for ("Politiet")


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingRecord:
    """The meeting a minutes record belongs to: the ``moetemappe``."""

    meeting_id: UUID
    number: str  # moetenummer, e.g. "2026-03"
    body_name: str  # utvalg
    date: date  # moetedato
    place: str | None = None  # moetested
    participants: tuple[Participant, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaItemRecord:
    """One agenda item with its decision: the ``moetesak`` (open layer only)."""

    item_id: UUID
    year: int  # moetesaksaar
    sequence: int  # moetesakssekvensnummer (the item's number in the meeting)
    case_type: str  # the agenda kind: AgendaKind's value or its Norwegian name (vedtakssak …)
    decision_text: str | None = None  # vedtakstekst (open layer)
    decision_date: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchiveRecord:
    """A finished record as it leaves: one mappe and one registrering (FIKS Arkiv allows at most one
    of each per message). ``restricted`` marks a record whose title may reveal restricted matters:
    it then carries skjerming and ``public_title``. Only open text is ever put here — the adapter
    filling it never reads the restricted layer of minutes.

    For minutes with ``item`` None (a minutes version's own message, no agenda item) the
    registrering is a ``moetedokument`` (møteprotokoll) carrying the minutes document.
    For minutes, ``record_id`` is the approved minutes version (a correction is a new version,
    so new registrering keys), ``part_id`` the agenda item, ``meeting`` and ``item`` are set; the
    minutes document rides on the first item's message (``documents`` empty on the others).
    """

    kind: RecordKind
    record_id: UUID
    part_id: UUID | None
    version: int  # informative (the minutes version's number; 1 otherwise), not part of any key
    title: str  # the registrering's title
    case_title: str  # the mappe's title
    record_date: date  # approved / adopted / signed / completed / concluded
    created_at: datetime
    public_title: str | None = None
    restricted: bool = False
    description: str | None = None  # open text (the registrering's beskrivelse)
    author: str | None = None  # forfatter (a body or a role, not a person's name)
    documents: tuple[ArchiveDocument, ...] = ()
    meeting: MeetingRecord | None = None
    item: AgendaItemRecord | None = None

    @property
    def is_minutes(self) -> bool:
        return self.kind is RecordKind.MINUTES


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchivePackage:
    """One message as it travels: ``arkivmelding.xml`` and the files it names. ``key`` is the
    registrering's key — the transport's idempotency key (a re-sent key is answered as existing)."""

    key: str
    arkivmelding: bytes
    files: tuple[ArchiveDocument, ...] = ()
