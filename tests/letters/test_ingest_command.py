"""ingest_letters as an admin runs it: seeds in, re-runs, bad files, re-parsing."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from imr_archive.letters.models import Citation, CitedPage, Issue, Letter
from imr_archive.parsing import PARSER_VERSION
from tests.conftest import SEEDS, expected_parse, seed_letters
from tests.pdf_files import encrypted_pdf, image_only_pdf, text_pdf

pytestmark = pytest.mark.django_db(transaction=True)

A_LETTER = seed_letters()[0]


def ingest(*paths: Path | str, **options) -> tuple[str, str, int]:
    """Run the command; return its stdout, stderr and exit status."""
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest_letters", *map(str, paths), stdout=out, stderr=err, **options)
        status = 0
    except CommandError as error:
        err.write(str(error))
        status = error.returncode
    return out.getvalue(), err.getvalue(), status


def kept_originals() -> list[str]:
    """Every file in the archive's folder of originals, relative to it."""
    folder = Path(settings.MEDIA_ROOT) / "originals"
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_seeds_are_ingested_with_every_item_and_citation():
    out, err, status = ingest(SEEDS)
    letters = seed_letters()
    expected = [expected_parse(p) for p in letters]
    assert status == 0, err
    assert f"{len(letters)} new" in out
    assert Letter.objects.count() == len(letters)
    assert Issue.objects.count() == sum(len(e["issues"]) for e in expected)
    assert Citation.objects.count() == sum(len(i["citations"]) for e in expected for i in e["issues"])


def test_ingesting_twice_changes_nothing():
    ingest(SEEDS)
    before = list(Letter.objects.values_list("id", "modified"))
    out, _, status = ingest(SEEDS)
    assert status == 0
    assert f"{len(before)} unchanged" in out and "0 new" in out
    assert list(Letter.objects.values_list("id", "modified")) == before
    assert kept_originals() == sorted(name.removeprefix("originals/")
                                      for name in Letter.objects.values_list("original", flat=True))


def test_page_inside_a_cited_range_is_found_with_one_indexed_lookup():
    ingest(SEEDS)
    expected = sum(
        1
        for letter in seed_letters()
        for issue in expected_parse(letter)["issues"]
        for c in issue["citations"]
        if c["guideline"] == "MTUS Chronic Pain Medical Treatment Guidelines" and 99 in c["pages"]
    )
    found = CitedPage.objects.filter(guideline__slug="mtus-chronic-pain", page=99)
    assert expected > 0
    assert found.count() == expected
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # a tiny table: ask whether the index can serve, not whether it pays
            cursor.execute("SET enable_seqscan = off")
    assert "cited_page_lookup" in str(found.explain())


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  \n", "empty"),
        ("garbage.txt", bytes(range(256)) * 40, "binary"),
        ("recipe.txt", b"Pancakes\n\nMix flour, eggs and milk. Fry in butter.\n", "not an IMR determination letter"),
        ("scan.pdf", None, "no text layer"),
        ("locked.pdf", None, "encrypted"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer\n%%EOF", "PDF"),
    ],
)
def test_a_bad_file_fails_with_a_one_line_reason_and_the_others_are_stored(tmp_path, name, content, reason):
    if name == "scan.pdf":
        content = image_only_pdf()
    elif name == "locked.pdf":
        content = encrypted_pdf(A_LETTER.read_text())
    (tmp_path / name).write_bytes(content)
    shutil.copy(A_LETTER, tmp_path / A_LETTER.name)
    out, err, status = ingest(tmp_path)
    failure = [line for line in err.splitlines() if line.startswith("FAILED")]
    assert status == 1
    assert len(failure) == 1 and name in failure[0] and reason.lower() in failure[0].lower()
    assert "Traceback" not in err
    assert "1 new" in out and "1 failed" in out
    assert Letter.objects.count() == 1


def test_a_file_over_the_size_limit_is_refused_without_being_read(tmp_path, settings):
    settings.IMR_MAX_FILE_BYTES = 20 * 1024 * 1024
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(21 * 1024 * 1024)
    _, err, status = ingest(big)
    assert status == 1
    assert "too large" in err and "huge.txt" in err


def test_a_letter_in_windows_1252_is_read(tmp_path):
    text = A_LETTER.read_text().replace("Decision rationale:", "Decision rationale: Patient’s café —")
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1252"))
    _, err, status = ingest(tmp_path / "legacy.txt")
    assert status == 0, err
    assert "café" in Letter.objects.get().text


def test_a_pdf_letter_is_read_from_its_text_layer_and_its_original_kept(tmp_path):
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(text_pdf(A_LETTER.read_text()))
    _, err, status = ingest(pdf)
    assert status == 0, err
    letter = Letter.objects.get()
    assert letter.issues.count() == len(expected_parse(A_LETTER)["issues"])
    with letter.original.open("rb") as original:
        assert original.read() == pdf.read_bytes()


def test_a_failure_never_touches_the_stored_letter(tmp_path):
    ingest(A_LETTER)
    stored = Letter.objects.get()
    (tmp_path / A_LETTER.name).write_bytes(b"\x00\x01 not a letter any more")
    _, _, status = ingest(tmp_path / A_LETTER.name)
    assert status == 1
    assert Letter.objects.get().text == stored.text
    assert len(kept_originals()) == 1


def test_reparse_rereads_letters_of_an_older_parser_and_keeps_the_original():
    ingest(A_LETTER)
    Letter.objects.update(parser_version="0.0", reviewer_specialty="")
    out, _, status = ingest(reparse=True)
    letter = Letter.objects.get()
    assert status == 0
    assert "1 reparsed" in out
    assert letter.parser_version == PARSER_VERSION
    assert letter.reviewer_specialty == (expected_parse(A_LETTER)["reviewer"]["specialty"] or "")
    assert letter.original.storage.exists(letter.original.name)


def test_an_edited_letter_of_the_same_case_replaces_the_stored_one(tmp_path):
    with_case = next(p for p in seed_letters() if expected_parse(p)["case_number"])
    ingest(with_case)
    original_id = Letter.objects.get().id
    edited = tmp_path / "edited.txt"
    edited.write_text(with_case.read_text() + "\nAddendum: corrected copy.\n")
    out, _, status = ingest(edited)
    assert status == 0 and "1 replaced" in out
    letter = Letter.objects.get()
    assert letter.id == original_id
    assert "corrected copy" in letter.text
    assert kept_originals() == [letter.original.name.removeprefix("originals/")]  # the old one is gone


def test_missing_path_and_no_path_are_command_errors(tmp_path):
    assert ingest(tmp_path / "nope")[2] == 1
    with pytest.raises(CommandError):
        call_command("ingest_letters")


def test_a_letter_whose_items_cannot_be_read_is_stored_flagged_and_searchable(tmp_path):
    from imr_archive.search.query import SearchQuery
    from imr_archive.search.service import search

    text = A_LETTER.read_text()
    cut = text.index("The Final Determination was based on decisions")
    (tmp_path / "torn.txt").write_text(text[:cut] + "The remaining pages are illegible zanzibar.\n")
    _, err, status = ingest(tmp_path / "torn.txt")
    assert status == 0, err
    letter = Letter.objects.get()
    assert letter.needs_review and letter.warnings
    assert letter.issues.get().outcome == "unknown"
    assert {h.issue_id for h in search(SearchQuery(q="zanzibar")).hits} == {letter.issues.get().id}


def test_the_parsing_pipeline_stores_what_a_single_process_does(monkeypatch, tmp_path):
    monkeypatch.setattr("imr_archive.letters.ingest.PIPELINE_MIN_FILES", 5)  # the seeds are few
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    for letter in seed_letters():
        shutil.copy(letter, tmp_path / letter.name)
    out, err, status = ingest(tmp_path)
    expected = [expected_parse(p) for p in seed_letters()]
    assert status == 1 and "broken.pdf" in err
    assert f"{len(expected)} new" in out and "1 failed" in out
    assert Issue.objects.count() == sum(len(e["issues"]) for e in expected)
    stored = dict(Letter.objects.values_list("source_name", "reviewer_specialty"))
    assert stored == {p.name: expected_parse(p)["reviewer"]["specialty"] or "" for p in seed_letters()}
    assert len(kept_originals()) == len(expected)
    ingest(tmp_path)  # all unchanged: the originals the parsing processes saved again are removed
    assert len(kept_originals()) == len(expected)


@pytest.fixture
def small_batches(monkeypatch):
    """The pipelined path, storing new letters four per transaction, on a handful of files."""
    monkeypatch.setattr("imr_archive.letters.ingest.PIPELINE_MIN_FILES", 5)
    monkeypatch.setattr("imr_archive.letters.ingest.STORE_BATCH", 4)


def test_a_batch_tells_new_letters_from_copies_edits_and_stored_ones(small_batches, tmp_path):
    run = tmp_path / "run"  # not tmp_path itself: the archive's originals are kept under it
    run.mkdir()
    with_case = next(p for p in seed_letters() if expected_parse(p)["case_number"])
    letters = [with_case, *[p for p in seed_letters() if p != with_case][:5]]
    ingest(letters[1])  # stored before the run
    for letter in letters:
        shutil.copy(letter, run / letter.name)
    shutil.copy(letters[2], run / "z-same-text-again.txt")  # sorted after its twin
    (run / "zz-edited.txt").write_text(with_case.read_text() + "\nAddendum: corrected copy.\n")
    out, err, status = ingest(run)
    assert status == 0, err
    assert "5 new, 1 replaced, 2 unchanged" in out
    assert Letter.objects.count() == len(letters)
    assert "corrected copy" in Letter.objects.get(case_number=expected_parse(with_case)["case_number"]).text
    assert len(kept_originals()) == len(letters)


def test_a_letter_that_cannot_be_stored_fails_alone_and_its_batch_is_stored(small_batches, monkeypatch, tmp_path):
    from imr_archive.letters import ingest as ingest_module

    poisoned = seed_letters()[2].name
    create_issues = ingest_module.create_issues

    def refuse_one(letters, guidelines):
        if any(parsed.file == poisoned for _, parsed in letters):
            raise ValueError("the database refused it")
        create_issues(letters, guidelines)

    monkeypatch.setattr(ingest_module, "create_issues", refuse_one)
    run = tmp_path / "run"
    run.mkdir()
    for letter in seed_letters()[:6]:
        shutil.copy(letter, run / letter.name)
    out, err, status = ingest(run)
    assert status == 1
    assert f"FAILED {run / poisoned}: could not be stored: the database refused it" in err
    assert "5 new" in out and "1 failed" in out
    assert sorted(Letter.objects.values_list("source_name", flat=True)) == sorted(
        p.name for p in seed_letters()[:6] if p.name != poisoned)
    assert len(kept_originals()) == 5


def test_the_parsers_read_a_bounded_number_of_files_ahead_of_the_storing(small_batches, monkeypatch, tmp_path):
    """A slow store (a large index to write) must not leave a whole run's parsed letters in memory.

    What is bounded is the files handed to the parsing processes: counted as
    they are handed, so the test depends on no timing of the processes.
    """
    import multiprocessing.pool

    from imr_archive.letters import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "PARSE_WINDOW", 3)
    handed, consumed, ahead = [0], [0], []
    imap = multiprocessing.pool.Pool.imap

    def counted_imap(pool, func, files, chunksize=1):
        handed[0] += len(files)
        return imap(pool, func, files, chunksize)

    store_batch = ingest_module._store_batch

    def recording_store(batch, guidelines):
        consumed[0] += len(batch)
        ahead.append(handed[0] - consumed[0])  # handed to the parsers, not yet taken by the storing
        return store_batch(batch, guidelines)

    monkeypatch.setattr(multiprocessing.pool.Pool, "imap", counted_imap)
    monkeypatch.setattr(ingest_module, "_store_batch", recording_store)
    run = tmp_path / "run"
    run.mkdir()
    for letter in seed_letters():
        shutil.copy(letter, run / letter.name)
    _, err, status = ingest(run)
    assert status == 0, err
    assert Letter.objects.count() == len(seed_letters())
    assert handed[0] == consumed[0] == len(seed_letters())
    assert max(ahead) <= 2 * 3  # two windows at most
