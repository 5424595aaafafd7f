"""The index follows the database: ingest, admin edits, deletes and re-parses leave no drift."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import override_settings

from imr_archive.letters.models import CitedPage, Issue, Letter, LetterChange
from imr_archive.letters.outbox import record_changes
from imr_archive.search.cursor import writers_lock
from imr_archive.search.documents import documents_for_letters
from imr_archive.search.query import SearchQuery
from imr_archive.search.service import search, text_index
from tests.admin_forms import change_form_data
from tests.conftest import SEEDS, seed_letters
from tests.process_archive import HANG_GUARD, process_archive, wait_for
from tests.search.index_commands import check_index, hits

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive(search_backend):
    """The seed letters, indexed by each backend in turn."""
    call_command("ingest_letters", str(SEEDS), verbosity=0)


def test_ingest_leaves_the_index_in_step(archive):
    status, report = check_index(verbosity=2)
    assert status == 0, report
    assert f"over {len(seed_letters())}" in report


def test_drift_is_reported_and_rebuild_mends_it(archive, search_backend):
    """Differences the outbox cannot explain (changes behind its back): only rebuild_index mends them."""
    first, second, third = Letter.objects.order_by("id")[:3]
    Letter.objects.filter(id=first.id).update(reviewer_subspecialty="changed behind the index's back")
    Letter.objects.filter(id=first.id).first().save()  # a save outside the admin: the stamp moves, no change recorded
    text_index().replace_letters([second.id], [])  # dropped from the index
    ghost = replace(next(documents_for_letters([third.id])), issue_id=10**9, letter_id=10**9)
    text_index().replace_letters([ghost.letter_id], [ghost])  # in the index, never in the database
    status, report = check_index(verbosity=2)
    assert status == 1
    assert (f"1 missing, 1 stale, 1 orphan letter(s) over {len(seed_letters())} in the database; "
            "run manage.py rebuild_index") in report
    call_command("rebuild_index", verbosity=0)
    assert check_index(verbosity=2)[0] == 0


def test_a_change_not_yet_applied_is_reported_and_sync_index_applies_it(archive):
    issue = Issue.objects.filter(treatment__icontains="acupuncture").first()
    with transaction.atomic():  # an edit whose process died before it could sync
        Issue.objects.filter(id=issue.id).update(treatment="Zebra-stripe acupuncture")
        issue.letter.save(update_fields=["modified"])
        record_changes([issue.letter_id], LetterChange.CORRECTED)
    status, report = check_index(verbosity=2)
    assert status == 1
    assert "1 change(s) not applied; run manage.py sync_index" in report
    assert issue.id not in hits("zebra")
    call_command("sync_index", verbosity=0)
    assert issue.id in hits("zebra")
    assert check_index(verbosity=2)[0] == 0


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
    assert check_index(verbosity=2)[0] == 0


def test_an_admin_edit_while_the_index_is_locked_is_saved_with_a_warning(archive, client, settings):
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    client.login(username="admin", password="pw")
    issue = Issue.objects.filter(treatment__icontains="acupuncture").first()
    url = f"/admin/letters/issue/{issue.id}/change/"
    data = change_form_data(client.get(url))
    data["treatment"] = "Zebra-stripe acupuncture"
    settings.IMR_INDEX_LOCK_TIMEOUT = 0.5
    with writers_lock(timeout=0):  # another process writing the index, for longer than the wait
        response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Saved, but searches show the old version for now" in response.content.decode()
    assert Issue.objects.get(id=issue.id).treatment == "Zebra-stripe acupuncture"
    status, report = check_index(verbosity=2)  # the letter waits in the outbox
    assert status == 1 and "1 change(s) not applied; run manage.py sync_index" in report
    call_command("sync_index", verbosity=0)
    assert issue.id in hits("zebra")
    assert check_index(verbosity=2)[0] == 0


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
    assert check_index(verbosity=2)[0] == 0


@pytest.mark.parametrize("part", ["issue", "citation"])
def test_deleting_an_item_or_a_citation_in_the_admin_updates_the_index(archive, client, part):
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    client.login(username="admin", password="pw")
    cited = CitedPage.objects.filter(guideline__slug="mtus-chronic-pain").first()
    page_view = SearchQuery(guideline=("mtus-chronic-pain",), page=cited.page, fixed=("guideline",))
    row = cited.issue_id if part == "issue" else cited.citation_id
    response = client.post(f"/admin/letters/{part}/{row}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert cited.issue_id not in {hit.issue_id for hit in search(replace(page_view, per_page=100)).hits}
    assert check_index(verbosity=2)[0] == 0


def test_reparse_leaves_the_index_in_step(archive):
    Letter.objects.update(parser_version="0.0")
    call_command("ingest_letters", reparse=True, verbosity=0)
    assert check_index(verbosity=2)[0] == 0


def test_the_admins_reparse_action_leaves_the_index_in_step(archive, client):
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    client.login(username="admin", password="pw")
    letter = Issue.objects.filter(treatment__icontains="acupuncture").first().letter
    letter.issues.update(treatment="Zebra-stripe")  # a mistake the parser will undo
    response = client.post("/admin/letters/letter/", {"action": "reparse_discarding_corrections",
                                                       "_selected_action": [letter.id]})
    assert response.status_code == 302
    assert not hits("zebra")
    assert check_index(verbosity=2)[0] == 0


@pytest.fixture
def bulk_backlogs(monkeypatch):
    """A backlog of a handful of letters counts as large (the threshold is a thousand letters)."""
    monkeypatch.setattr("imr_archive.search.sync.BULK_MIN_LETTERS", 5)
    monkeypatch.setattr("imr_archive.search.sync.BULK_SLICE", 4)  # several slices


def test_a_large_backlog_goes_through_the_bulk_path_and_is_found(search_backend, bulk_backlogs, monkeypatch):
    bulk_runs_made = []
    backend = type(text_index())
    monkeypatch.setattr(backend, "bulk", lambda self, bulk=backend.bulk: bulk_runs_made.append(1) or bulk(self))
    first, rest = seed_letters()[:-3], seed_letters()[-3:]
    call_command("ingest_letters", *map(str, first), verbosity=0)  # into an empty archive: one large backlog
    call_command("ingest_letters", *map(str, rest), verbosity=0)  # a few more: letter by letter
    assert len(bulk_runs_made) == 1
    assert check_index(verbosity=2)[0] == 0
    acupuncture = Issue.objects.filter(treatment__icontains="acupuncture").values_list("id", flat=True)
    assert set(acupuncture) <= hits("acupuncture") and acupuncture


def test_a_writer_that_never_gets_the_index_lock_gives_one_line_and_keeps_the_letters(settings, search_backend):
    settings.IMR_INDEX_LOCK_TIMEOUT = 0.5
    with writers_lock(timeout=0):  # another process writing, for longer than the wait
        with pytest.raises(CommandError) as failed:
            call_command("ingest_letters", str(SEEDS), stdout=StringIO())
        with pytest.raises(CommandError) as rebuild_failed:
            call_command("rebuild_index", verbosity=0)
        with pytest.raises(CommandError) as sync_failed:
            call_command("sync_index", verbosity=0)
    assert failed.value.returncode == 1
    assert str(failed.value).startswith("the search index is being written by another process (waited 0.5 s")
    assert "sync_index" in str(failed.value) and "\n" not in str(failed.value)
    assert "being written by another process" in str(rebuild_failed.value)
    assert "being written by another process" in str(sync_failed.value) and sync_failed.value.returncode == 1
    assert Letter.objects.count() == len(seed_letters())  # stored, not yet indexed
    assert check_index(verbosity=2)[0] == 1
    call_command("sync_index", verbosity=0)
    assert check_index(verbosity=2)[0] == 0


def test_two_processes_ingesting_at_once_wait_for_the_index_and_both_succeed(tmp_path, search_backend):
    """Both runs store their letters, wait for the index (held here) instead of failing, then apply them."""
    letters = seed_letters()
    with process_archive(tmp_path, search_backend) as archive, override_settings(IMR_INDEX_DIR=archive.index_dir):
        with writers_lock(timeout=0):
            runs = [archive.start("ingest_letters", *map(str, half), name=f"run{n}")
                    for n, half in enumerate((letters[::2], letters[1::2]))]
            wait_for(lambda: archive.letters() == len(letters) or any(run.poll() is not None for run in runs),
                     "both runs to store their letters")
            assert all(run.poll() is None for run in runs), "a run ended while the index was held"
        for n, run in enumerate(runs):
            assert run.wait(timeout=HANG_GUARD) == 0, archive.output(f"run{n}")
        check = archive.manage("check_index")
        assert check.returncode == 0, check.stderr
        assert f"over {len(letters)}" in check.stdout
