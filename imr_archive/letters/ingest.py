"""The one bridge from files to rows: read, parse, store.

Every way a letter enters the archive (the `ingest_letters` command, the
upload page, a re-parse) goes through `ingest_paths`, `ingest_file` or
`reparse_letter`: one transaction per letter, or per batch of new letters
on a large run (a failed batch is stored again letter by letter).
A failure is an `IngestResult` with a one-line reason, never an exception,
and never touches what is already stored.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import multiprocessing
import multiprocessing.pool
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import connection, connections, transaction
from django.db.models import Q

from imr_archive.child_processes import children_die_with_this_process
from imr_archive.letters.bulk import insert_returning_ids
from imr_archive.letters.models import Letter
from imr_archive.letters.store import GuidelineIds, create_issues, replace_issues, update_letter_fields
from imr_archive.parsing import PARSER_VERSION, ExtractionError, ParsedLetter, extract_text, parse_text

logger = logging.getLogger(__name__)

INGESTIBLE_SUFFIXES = (".txt", ".pdf")


class Status(enum.StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"
    REPARSED = "reparsed"
    FAILED = "failed"


@dataclass
class IngestResult:
    name: str
    status: Status
    letter_id: int | None = None
    reason: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status is Status.FAILED


class RejectedLetter(Exception):
    """A file that cannot become a letter; str() is the one-line reason."""


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_letter(data: bytes, name: str) -> ParsedLetter:
    """Bytes of one file -> its parse, or RejectedLetter with the reason."""
    limit = settings.IMR_MAX_FILE_BYTES
    if len(data) > limit:
        raise RejectedLetter(f"file too large: {len(data) / 1e6:.1f} MB, the limit is {limit / 1e6:.1f} MB")
    try:
        text = extract_text(data, name)
    except ExtractionError as error:
        raise RejectedLetter(str(error)) from None
    try:
        parsed = parse_text(text, file=Path(name).name)
    except Exception as error:  # noqa: BLE001 - a parser bug must not end a run of thousands of files
        logger.exception("the parser failed on %s", name)
        raise RejectedLetter(f"the parser failed on this file ({type(error).__name__}); please report it") from None
    if parsed.format is None:
        only = next((w for w in parsed.warnings if w.startswith("not an IMR letter: only")), None)
        raise RejectedLetter(only or "not an IMR determination letter: none of the four known layouts was recognised")
    return parsed


def ingest_file(data: bytes, name: str) -> IngestResult:
    """Store one file's letter unless it is already in the archive."""
    try:
        parsed = read_letter(data, name)
    except RejectedLetter as error:
        return IngestResult(name, Status.FAILED, reason=str(error))
    return store_letter(parsed, save_original(data, name, text_sha256(parsed.text)), name)


def save_original(data: bytes, name: str, sha: str) -> str:
    """Save a file's bytes as a letter's original; returns its storage name.

    Saved before the letter is stored (the parsing processes of `ingest_paths`
    do it), so `store_letter` removes it again when it stores nothing.
    One folder per hash prefix: few directories, and the hash makes the name unique.
    """
    field = Letter._meta.get_field("original")
    wanted = field.generate_filename(None, f"{sha[:2]}/{sha}_{Path(name).name[-150:]}")
    return field.storage.save(wanted, ContentFile(data))


def _original_storage() -> Storage:
    return Letter._meta.get_field("original").storage


def store_letter(parsed: ParsedLetter, original: str, name: str,
                 guidelines: GuidelineIds | None = None) -> IngestResult:
    """Store a parsed letter (its original saved as `original`) unless it is already in the archive."""
    sha = text_sha256(parsed.text)
    stored = _stored_letters(sha, parsed.case_number)
    if sha in stored:
        _original_storage().delete(original)
        return IngestResult(name, Status.UNCHANGED, stored[sha])
    try:
        letter, status = _store_new(parsed, sha, original, name, bool(stored), guidelines or GuidelineIds())
    except Exception as error:  # noqa: BLE001 - one bad letter must not stop a run
        logger.exception("storing %s failed", name)
        _original_storage().delete(original)
        return IngestResult(name, Status.FAILED, reason=f"could not be stored: {error}")
    return IngestResult(name, status, letter.id, warnings=parsed.warnings)


def _stored_letters(sha: str, case_number: str | None) -> dict[str, int]:
    """sha256 -> id of the stored letter with this text, and of the one with this case number.

    One raw query: on the ingest's hot path the ORM's query building cost
    more than the query.
    """
    sql = f"SELECT sha256, id FROM {Letter._meta.db_table} WHERE sha256 = %s"
    params = [sha]
    if case_number:
        sql += " OR case_number = %s"
        params.append(case_number)
    with connection.cursor() as cursor:
        cursor.execute(sql + " LIMIT 2", params)
        return dict(cursor.fetchall())


def _store_new(parsed: ParsedLetter, sha: str, original: str, name: str,
               replaces_a_case: bool, guidelines: GuidelineIds) -> tuple[Letter, Status]:
    """Create the letter, or replace the stored letter of the same case (an edited version).

    Should another process store the same case number meanwhile, the unique
    constraint refuses this one, which is reported and can be ingested again.
    """
    with transaction.atomic():
        letter = None
        if replaces_a_case:
            letter = Letter.objects.select_for_update().filter(case_number=parsed.case_number).order_by().first()
        if letter is None:
            letter = _new_letter(parsed, sha, original, name)
            insert_returning_ids([letter])
            create_issues([(letter, parsed)], guidelines)
            return letter, Status.NEW
        old_original = letter.original.name
        _set_letter_fields(letter, parsed, sha, original, name)
        letter.save()
        replace_issues(letter, parsed, guidelines)
        if old_original:
            transaction.on_commit(lambda: letter.original.storage.delete(old_original))
    return letter, Status.REPLACED


def _set_letter_fields(letter: Letter, parsed: ParsedLetter, sha: str, original: str, name: str) -> None:
    letter.source_name = Path(name).name[:255]
    letter.sha256 = sha
    update_letter_fields(letter, parsed)
    letter.original.name = original


def _new_letter(parsed: ParsedLetter, sha: str, original: str, name: str) -> Letter:
    """An unsaved Letter for a parse (derived fields filled: it is inserted without save())."""
    letter = Letter()
    _set_letter_fields(letter, parsed, sha, original, name)
    letter.fill_derived_fields()
    return letter


def reparse_letter(letter: Letter, keep_corrections: bool = True) -> IngestResult:
    """Re-read a stored letter's original with the current parser, keeping the original.

    Fields an admin corrected keep their corrected values unless
    `keep_corrections` is False, which discards the corrections.
    """
    name = letter.source_name
    try:
        with letter.original.open("rb") as original:
            data = original.read()
        parsed = read_letter(data, name)
    except (OSError, ValueError) as error:
        return IngestResult(name, Status.FAILED, letter.id, reason=f"original unreadable: {error}")
    except RejectedLetter as error:
        return IngestResult(name, Status.FAILED, letter.id, reason=str(error))
    with transaction.atomic():
        if not keep_corrections:
            letter.corrected_fields = []
            letter.issues.update(corrected_fields=[])
        letter.sha256 = text_sha256(parsed.text)
        update_letter_fields(letter, parsed)
        letter.save()
        replace_issues(letter, parsed, GuidelineIds())
    return IngestResult(name, Status.REPARSED, letter.id, warnings=parsed.warnings)


def letters_to_reparse():
    """Stored letters read by an older parser than the current one."""
    return Letter.objects.exclude(parser_version=PARSER_VERSION).order_by("id")


def read_file(path: Path) -> tuple[bytes, str | None]:
    """The bytes of a file, or a reason it cannot be read (checked before reading it all)."""
    limit = settings.IMR_MAX_FILE_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            return b"", f"file too large: {size / 1e6:.1f} MB, the limit is {limit / 1e6:.1f} MB"
        return path.read_bytes(), None
    except OSError as error:
        return b"", f"cannot read the file: {error.strerror or error}"


@dataclass
class _Read:
    """A file read and parsed (in a worker process): its bytes and parse, or why it failed."""

    name: str
    parsed: ParsedLetter | None = None
    original: str = ""
    reason: str = ""


def _read_and_parse(path: Path) -> _Read:
    """Read, parse and save the original: all the work that needs no lock on the database."""
    data, reason = read_file(path)
    if reason is not None:
        return _Read(str(path), reason=reason)
    try:
        parsed = read_letter(data, str(path))
    except RejectedLetter as error:
        return _Read(str(path), reason=str(error))
    return _Read(str(path), parsed, save_original(data, str(path), text_sha256(parsed.text)))


PIPELINE_MIN_FILES = 50
STORE_BATCH = 100  # new letters stored per transaction on a pipelined run
PARSE_WINDOW = 500  # files handed to the parsing processes at a time; two windows at most are in flight
# Parsing is the largest share of a letter's CPU. With one parsing process it was busy all the time
# while storing and the database used about half a core: a quarter of two cores idle. With two,
# both cores stay busy: 21% less time for 3,000 letters on PostgreSQL, about 4% for 10,000 on
# SQLite + Whoosh (interleaved runs, bench/RESULTS.md).
PARSE_PROCESSES = 2


def ingest_paths(files: list[Path]) -> Iterator[IngestResult]:
    """Ingest files in order, parsing in other processes while this one stores.

    Storing new letters a batch per transaction makes storing a few
    statements per hundred letters, cheaper than parsing them, so parsing
    runs in PARSE_PROCESSES processes alongside. Small runs skip the
    processes and go a letter at a time.
    """
    guidelines = GuidelineIds()
    if len(files) < PIPELINE_MIN_FILES:
        reads: Iterable[_Read] = map(_read_and_parse, files)
        yield from (_store_read(read, guidelines) for read in reads)
        return
    connections.close_all()  # the workers are forked: they must not share this process's connections
    # They die with this process however it ends, and never keep its index lock.
    with children_die_with_this_process(), multiprocessing.get_context("fork").Pool(PARSE_PROCESSES) as pool:
        reads = _parsed_ahead(pool, files)
        while batch := list(islice(reads, STORE_BATCH)):
            yield from _store_batch(batch, guidelines)


def _parsed_ahead(pool: multiprocessing.pool.Pool, files: list[Path]) -> Iterator[_Read]:
    """The reads of `files` in order, the parsing processes at most two windows of files ahead of the caller.

    Parsing can outrun storing (more so with a Whoosh index to write):
    handed every file at once, the processes would leave every parsed
    letter of a large run waiting in this process's memory.
    """
    in_flight: deque[Iterator[_Read]] = deque()
    for start in range(0, len(files), PARSE_WINDOW):
        in_flight.append(pool.imap(_read_and_parse, files[start:start + PARSE_WINDOW], chunksize=16))
        if len(in_flight) == 2:
            yield from in_flight.popleft()
    for window in in_flight:
        yield from window


def _store_read(read: _Read, guidelines: GuidelineIds) -> IngestResult:
    if read.parsed is None:
        return IngestResult(read.name, Status.FAILED, reason=read.reason)
    return store_letter(read.parsed, read.original, read.name, guidelines)


def _store_batch(reads: list[_Read], guidelines: GuidelineIds) -> list[IngestResult]:
    """Store a batch of read files, the new letters among them in one transaction; results in file order.

    A file whose text or case is already stored, or repeats an earlier file
    of the batch, goes one at a time after the batch (unchanged, replaced).
    So does every letter of a batch whose transaction failed: the letter at
    fault then fails alone with its reason, and the others are stored.
    """
    results = {n: _store_read(read, guidelines) for n, read in enumerate(reads) if read.parsed is None}
    fresh, one_at_a_time = _new_in_batch(reads)
    try:
        with transaction.atomic():
            letters = {n: _new_letter(reads[n].parsed, sha, reads[n].original, reads[n].name)
                       for n, sha in fresh.items()}
            insert_returning_ids(list(letters.values()))
            create_issues([(letter, reads[n].parsed) for n, letter in letters.items()], guidelines)
    except Exception:  # noqa: BLE001 - retried letter by letter below, where each failure is reported
        logger.warning("storing a batch of %d letters failed; storing them one at a time", len(fresh))
        one_at_a_time = sorted([*one_at_a_time, *fresh])
    else:
        for n, letter in letters.items():
            results[n] = IngestResult(reads[n].name, Status.NEW, letter.id, warnings=reads[n].parsed.warnings)
    for n in one_at_a_time:
        results[n] = _store_read(reads[n], guidelines)
    return [results[n] for n in range(len(reads))]


def _new_in_batch(reads: list[_Read]) -> tuple[dict[int, str], list[int]]:
    """Position -> sha256 of the batch's letters new to the archive, and the positions of the others.

    One query for the batch finds the texts and case numbers already stored;
    a letter repeating the text or case of an earlier one in the batch is not new either.
    """
    shas = {n: text_sha256(read.parsed.text) for n, read in enumerate(reads) if read.parsed}
    cases = {n: reads[n].parsed.case_number for n in shas if reads[n].parsed.case_number}
    stored = Letter.objects.filter(Q(sha256__in=shas.values()) | Q(case_number__in=cases.values()))
    seen_texts, seen_cases = set(), set()
    for sha, case in stored.values_list("sha256", "case_number"):
        seen_texts.add(sha)
        seen_cases.add(case)
    seen_cases.discard(None)  # a letter without a case number is known by its text alone
    fresh, others = {}, []
    for n, sha in shas.items():
        if sha in seen_texts or (n in cases and cases[n] in seen_cases):
            others.append(n)
        else:
            fresh[n] = sha
        seen_texts.add(sha)
        if n in cases:
            seen_cases.add(cases[n])
    return fresh, others


def iter_files(paths: list[Path]):
    """Every ingestible file under the given files and folders, in a stable order.

    Named files are yielded whatever their suffix (the reader rejects a bad one
    with its reason); folders are searched recursively for .txt and .pdf files.
    """
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INGESTIBLE_SUFFIXES)
        else:
            yield path
