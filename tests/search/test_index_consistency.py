"""The index follows the database: ingest, admin edits, deletes and re-parses leave no drift."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models.signals import post_delete

from imr_archive.letters.models import CitedPage, Issue, Letter
from imr_archive.letters.signals import remove_deleted_letter_from_index
from imr_archive.search.query import SearchQuery
from imr_archive.search.service import search, text_index
from imr_archive.search.whoosh import WhooshBackend
from tests.admin_forms import change_form_data
from tests.conftest import REPO, SEEDS, seed_letters

pytestmark = pytest.mark.django_db(transaction=True)


def check_index() -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("check_index", stdout=out, verbosity=2)
    except CommandError as error:
        return error.returncode, str(error) + out.getvalue()
    return 0, out.getvalue()


def hits(q: str) -> set[int]:
    return {h.issue_id for h in search(SearchQuery(q=q, per_page=100)).hits}


@pytest.fixture
def archive(search_backend):
    """The seed letters, indexed by each backend in turn."""
    call_command("ingest_letters", str(SEEDS), verbosity=0)


def test_ingest_leaves_the_index_in_step(archive):
    status, report = check_index()
    assert status == 0, report
    assert f"over {len(seed_letters())}" in report


def test_drift_is_reported_and_rebuild_mends_it(archive, search_backend):
    first, second, third = Letter.objects.order_by("id")[:3]
    Letter.objects.filter(id=first.id).update(reviewer_subspecialty="changed behind the index's back")
    Letter.objects.filter(id=first.id).first().save()  # a save outside the admin: the stamp moves
    text_index().replace_letters([second.id], [])  # dropped from the index
    delete_behind_the_index(third)
    status, report = check_index()
    assert status == 1
    assert "1 missing, 1 stale, 1 orphan" in report
    call_command("rebuild_index", verbosity=0)
    assert check_index()[0] == 0


def delete_behind_the_index(letter: Letter) -> None:
    """Delete a letter without telling the index (as a crash between the two would)."""
    post_delete.disconnect(remove_deleted_letter_from_index, sender=Letter)
    try:
        letter.delete()
    finally:
        post_delete.connect(remove_deleted_letter_from_index, sender=Letter)


def test_an_admin_edit_reindexes_the_letter(archive, client):
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    client.login(username="admin", password="pw")
    issue = Issue.objects.filter(treatment__icontains="acupuncture").first()
    before = search(SearchQuery(q="necessary"))
    url = f"/admin/letters/issue/{issue.id}/change/"
    data = change_form_data(client.get(url))
    data["treatment"] = "Zebra-stripe acupuncture"
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    assert issue.id in hits("zebra")
    after = search(SearchQuery(q="necessary"))  # the old version is gone, not counted twice
    assert (after.total, after.facets) == (before.total, before.facets)
    assert check_index()[0] == 0


def test_an_admin_edit_while_the_index_is_locked_is_saved_with_a_warning(archive, client, settings, search_backend):
    if search_backend != "whoosh":
        pytest.skip("only the Whoosh index has a write lock")
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    client.login(username="admin", password="pw")
    issue = Issue.objects.filter(treatment__icontains="acupuncture").first()
    url = f"/admin/letters/issue/{issue.id}/change/"
    data = change_form_data(client.get(url))
    data["treatment"] = "Zebra-stripe acupuncture"
    settings.IMR_INDEX_LOCK_TIMEOUT = 0.5
    held = WhooshBackend(settings.IMR_INDEX_DIR)._writer()  # another process writing
    try:
        response = client.post(url, data, follow=True)
    finally:
        held.cancel()
    assert response.status_code == 200
    assert "Saved, but searches show the old version for now" in response.content.decode()
    assert Issue.objects.get(id=issue.id).treatment == "Zebra-stripe acupuncture"
    assert check_index()[0] == 1  # the letter is listed as stale until the index is rebuilt


def test_a_guideline_page_view_counts_follow_an_edit_and_a_delete(archive, client):
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    client.login(username="admin", password="pw")
    cited = CitedPage.objects.filter(guideline__slug="mtus-chronic-pain", issue__outcome="upheld").first()
    page_view = SearchQuery(guideline=("mtus-chronic-pain",), page=cited.page, fixed=("guideline",))
    before = search(page_view)
    url = f"/admin/letters/issue/{cited.issue_id}/change/"
    data = change_form_data(client.get(url))
    data["outcome"] = "overturned"
    assert client.post(url, data).status_code == 302
    after = search(page_view)
    assert after.total == before.total
    moved = Counter(dict(before.facets["outcome"]))
    moved.update(overturned=1)
    moved.subtract(upheld=1)
    assert Counter(dict(after.facets["outcome"])) == +moved  # +: without outcomes no item has any more
    letter = Issue.objects.get(id=cited.issue_id).letter
    citing = CitedPage.objects.filter(guideline__slug="mtus-chronic-pain", page=cited.page, issue__letter=letter)
    items = citing.values("issue_id").distinct().count()
    letter.delete()
    assert search(page_view).total == before.total - items


def test_deleting_a_letter_removes_it_from_the_index(archive):
    issue = Issue.objects.filter(treatment__icontains="acupuncture").first()
    assert issue.id in hits("acupuncture")
    issue.letter.delete()
    assert issue.id not in hits("acupuncture")
    assert check_index()[0] == 0


def test_reparse_leaves_the_index_in_step(archive):
    Letter.objects.update(parser_version="0.0")
    call_command("ingest_letters", reparse=True, verbosity=0)
    assert check_index()[0] == 0


@pytest.fixture
def bulk_runs(monkeypatch):
    """A run of a handful of letters counts as a bulk load (the threshold is a thousand letters)."""
    monkeypatch.setattr("imr_archive.letters.management.commands.ingest_letters.BULK_MIN_FILES", 5)
    monkeypatch.setattr("imr_archive.search.indexing.BULK_BATCH_SIZE", 4)  # several batches


def test_a_run_that_doubles_the_archive_is_indexed_in_bulk_and_found(search_backend, bulk_runs, monkeypatch):
    bulk_runs_made = []
    backend = type(text_index())
    monkeypatch.setattr(backend, "bulk", lambda self, bulk=backend.bulk: bulk_runs_made.append(1) or bulk(self))
    first, rest = seed_letters()[:-3], seed_letters()[-3:]
    said = StringIO()
    call_command("ingest_letters", *map(str, first), stdout=said)  # into an empty archive: bulk
    call_command("ingest_letters", *map(str, rest), verbosity=0)  # a few more: batch by batch
    assert len(bulk_runs_made) == 1
    assert "indexing in bulk" in said.getvalue()
    assert check_index()[0] == 0
    acupuncture = Issue.objects.filter(treatment__icontains="acupuncture").values_list("id", flat=True)
    assert set(acupuncture) <= hits("acupuncture") and acupuncture


def test_a_writer_that_never_gets_the_index_lock_gives_one_line_and_keeps_the_letters(settings, tmp_path):
    settings.IMR_INDEX_LOCK_TIMEOUT = 0.5
    held = WhooshBackend(settings.IMR_INDEX_DIR)._writer()  # another process writing, for longer than the wait
    try:
        with pytest.raises(CommandError) as failed:
            call_command("ingest_letters", str(SEEDS), stdout=StringIO())
        with pytest.raises(CommandError) as rebuild_failed:
            call_command("rebuild_index", verbosity=0)
    finally:
        held.cancel()
    assert failed.value.returncode == 1
    assert str(failed.value).startswith("the search index is being written by another process (waited 0.5 s")
    assert "rebuild_index" in str(failed.value) and "\n" not in str(failed.value)
    assert "being written by another process" in str(rebuild_failed.value)
    assert Letter.objects.count() == len(seed_letters())  # stored, not yet indexed
    assert check_index()[0] == 1
    call_command("rebuild_index", verbosity=0)
    assert check_index()[0] == 0


def test_two_processes_ingesting_at_once_both_succeed(tmp_path):
    """Both writers wait for the index lock (held here for a while) instead of failing."""
    env = {**os.environ, "IMR_VAR_DIR": str(tmp_path / "var"), "DJANGO_SETTINGS_MODULE": "imr_archive.settings"}
    manage = [sys.executable, str(REPO / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    held = WhooshBackend(tmp_path / "var" / "index")._writer()
    letters = seed_letters()
    runs = [subprocess.Popen([*manage, "ingest_letters", *map(str, half)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for half in (letters[::2], letters[1::2])]
    time.sleep(3)
    assert all(run.poll() is None for run in runs), "the writers should be waiting for the lock"
    held.cancel()
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    check = subprocess.run([*manage, "check_index"], env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert f"over {len(letters)}" in check.stdout
