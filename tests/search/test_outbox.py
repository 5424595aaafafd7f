"""Every path that changes a letter records it in its own transaction: the index can always catch up.

Each path runs while another process holds the index, as a crash right
after the commit would leave it: the change is stored, check_index says it
is not applied yet (never drift that only a rebuild mends), and sync_index
applies it.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test import Client

from imr_archive.letters.models import Citation, Guideline, Issue, Letter, LetterChange
from imr_archive.letters.outbox import record_changes
from imr_archive.search.cursor import writers_lock
from tests.admin_forms import change_form_data
from tests.conftest import expected_parse, seed_letters
from tests.process_archive import HANG_GUARD, wait_for
from tests.search.index_commands import check_index, hits

pytestmark = pytest.mark.django_db(transaction=True)

STORED = seed_letters()[:4]  # the archive before each path runs
WITH_CASE = next(p for p in STORED if expected_parse(p)["case_number"])


def ingest(*args: str) -> None:
    try:
        call_command("ingest_letters", *args, verbosity=0)
    except CommandError as error:
        assert "being written by another process" in str(error)  # the index was held: the letters are stored


@pytest.fixture
def staff() -> Client:
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    client = Client()
    client.login(username="admin", password="pw")
    return client


def admin_edit(client: Client, url: str, **changes: object) -> None:
    data = change_form_data(client.get(url))
    data.update(changes)
    assert client.post(url, data).status_code == 302


# Each path: (what it does, with the staff client and a folder) -> the kinds of change it records.
def ingest_a_new_letter(client: Client, folder: Path) -> list[str]:
    ingest(str(seed_letters()[5]))
    return ["new"]


def ingest_a_run_stored_a_batch_at_a_time(client: Client, folder: Path) -> list[str]:
    for path in seed_letters()[5:9]:
        shutil.copy(path, folder / path.name)
    ingest(str(folder))  # PIPELINE_MIN_FILES is lowered below: parsing processes, batches of two
    return ["new"] * 4


def ingest_a_corrected_copy(client: Client, folder: Path) -> list[str]:
    (folder / "edited.txt").write_text(WITH_CASE.read_text() + "\nAddendum: corrected copy.\n")
    ingest(str(folder / "edited.txt"))
    return ["replaced"]


def reparse_with_the_command(client: Client, folder: Path) -> list[str]:
    Letter.objects.filter(source_name=WITH_CASE.name).update(parser_version="0.0")
    ingest("--reparse")
    return ["reparsed"]


def upload_a_letter(client: Client, folder: Path) -> list[str]:
    letter = SimpleUploadedFile("upload.txt", seed_letters()[5].read_bytes(), content_type="text/plain")
    assert client.post("/upload/", {"files": [letter]}).status_code == 302
    return ["new"]


def correct_a_letter(client: Client, folder: Path) -> list[str]:
    letter = Letter.objects.get(source_name=WITH_CASE.name)
    admin_edit(client, f"/admin/letters/letter/{letter.id}/change/", reviewer_subspecialty="Hand surgery")
    return ["corrected"]


def correct_an_item(client: Client, folder: Path) -> list[str]:
    issue = Issue.objects.first()
    admin_edit(client, f"/admin/letters/issue/{issue.id}/change/", treatment="Zebra-stripe therapy")
    return ["corrected"]


def correct_a_citation(client: Client, folder: Path) -> list[str]:
    citation = Citation.objects.first()
    admin_edit(client, f"/admin/letters/citation/{citation.id}/change/", pages="1, 2")
    return ["corrected"]


def delete_an_item(client: Client, folder: Path) -> list[str]:
    issue = Issue.objects.first()
    assert client.post(f"/admin/letters/issue/{issue.id}/delete/", {"post": "yes"}).status_code == 302
    return ["corrected"]


def delete_a_citation(client: Client, folder: Path) -> list[str]:
    citation = Citation.objects.first()
    assert client.post(f"/admin/letters/citation/{citation.id}/delete/", {"post": "yes"}).status_code == 302
    return ["corrected"]


def delete_a_letter(client: Client, folder: Path) -> list[str]:
    letter = Letter.objects.first()
    assert client.post(f"/admin/letters/letter/{letter.id}/delete/", {"post": "yes"}).status_code == 302
    return ["deleted"]


def reparse_in_the_admin(client: Client, folder: Path) -> list[str]:
    letters = list(Letter.objects.values_list("id", flat=True)[:2])
    response = client.post("/admin/letters/letter/", {"action": "reparse_selected", "_selected_action": letters})
    assert response.status_code == 302
    return ["reparsed"] * 2


def rename_a_cited_guideline(client: Client, folder: Path) -> list[str]:
    guideline = Guideline.objects.get(slug="mtus-chronic-pain")
    citing = Letter.objects.filter(issues__citations__guideline=guideline).distinct().count()
    admin_edit(client, f"/admin/letters/guideline/{guideline.id}/change/", slug="mtus-cpmtg")
    return ["corrected"] * citing


PATHS: list[Callable[[Client, Path], list[str]]] = [
    ingest_a_new_letter, ingest_a_run_stored_a_batch_at_a_time, ingest_a_corrected_copy, reparse_with_the_command,
    upload_a_letter, correct_a_letter, correct_an_item, correct_a_citation, delete_an_item, delete_a_citation,
    delete_a_letter, reparse_in_the_admin, rename_a_cited_guideline,
]


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.__name__)
def test_a_change_stored_while_the_index_is_held_waits_in_the_outbox(path, staff, tmp_path, settings, monkeypatch,
                                                                       search_backend):
    monkeypatch.setattr("imr_archive.letters.ingest.PIPELINE_MIN_FILES", 2)
    monkeypatch.setattr("imr_archive.letters.ingest.STORE_BATCH", 2)
    settings.IMR_UPLOAD_PROCESS_INLINE = True
    call_command("ingest_letters", *map(str, STORED), verbosity=0)
    assert check_index()[0] == 0
    before = LetterChange.objects.order_by("sequence").last().sequence
    settings.IMR_INDEX_LOCK_TIMEOUT = 0.2
    with writers_lock(timeout=0):  # another writer, or a crash between the commit and the sync
        kinds = path(staff, tmp_path)
    recorded = list(LetterChange.objects.filter(sequence__gt=before).values_list("kind", flat=True))
    assert recorded == kinds
    status, report = check_index()
    assert status == 1 and report.endswith(f"{len(kinds)} change(s) not applied; run manage.py sync_index"), report
    call_command("sync_index", verbosity=0)
    assert check_index()[0] == 0


def test_a_change_is_recorded_only_inside_the_transaction_making_it():
    with pytest.raises(TransactionManagementError):
        record_changes([1], LetterChange.CORRECTED)


def test_a_batch_that_fails_records_only_the_letters_stored_again_one_by_one(monkeypatch, tmp_path):
    from imr_archive.letters import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "PIPELINE_MIN_FILES", 2)
    poisoned = seed_letters()[2].name
    create_issues = ingest_module.create_issues

    def refuse_one(letters, guidelines):
        if any(parsed.file == poisoned for _, parsed in letters):
            raise ValueError("the database refused it")
        create_issues(letters, guidelines)

    monkeypatch.setattr(ingest_module, "create_issues", refuse_one)
    for path in seed_letters()[:4]:
        shutil.copy(path, tmp_path / path.name)
    with pytest.raises(CommandError):
        call_command("ingest_letters", str(tmp_path), verbosity=0)
    assert sorted(LetterChange.objects.values_list("letter_id", flat=True)) == sorted(
        Letter.objects.values_list("id", flat=True))
    assert Letter.objects.count() == 3
    assert check_index()[0] == 0


def test_a_change_that_commits_late_is_not_skipped_by_a_sync(search_backend):
    """Two writers at once on PostgreSQL: the one that recorded its change first commits last.

    A sync running between the two commits must not move the index past the
    change still to commit (SQLite lets one transaction write at a time).
    """
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writing transaction at a time")
    call_command("ingest_letters", *map(str, STORED[:2]), verbosity=0)
    early, late = Letter.objects.order_by("id")
    recorded, commit_early = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def correct(letter: Letter, treatment: str, then: Callable[[], None]) -> None:
        try:
            with transaction.atomic():
                Issue.objects.filter(letter=letter).update(treatment=treatment)
                letter.save(update_fields=["modified"])
                record_changes([letter.id], LetterChange.CORRECTED)
                then()
        except BaseException as error:  # noqa: BLE001 - reported by the test thread
            errors.append(error)
        finally:
            connection.close()

    first = threading.Thread(target=correct, args=(early, "Zebra-stripe therapy",
                                                    lambda: (recorded.set(), commit_early.wait(HANG_GUARD))))
    first.start()
    wait_for(recorded.is_set, "the first writer to record its change")
    second = threading.Thread(target=correct, args=(late, "Okapi-stripe therapy", lambda: None))
    second.start()
    wait_for(lambda: not second.is_alive() or waiting_for_the_outbox() > 0,
             "the second writer to commit or to wait for the first")
    call_command("sync_index", verbosity=0)  # a node syncs between the two commits
    commit_early.set()
    first.join(HANG_GUARD)
    second.join(HANG_GUARD)
    assert not errors, errors
    call_command("sync_index", verbosity=0)
    assert hits("zebra") and hits("okapi")
    assert check_index()[0] == 0


def waiting_for_the_outbox() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
        return cursor.fetchone()[0]
