"""kill -9 in the middle of an ingest: nothing keeps running, and the next run finishes what it left.

IMR_CRASH_LETTERS sets the size of the run (600 by default): the kill comes
once the index has taken a first part of the run's letters, while the run is
still parsing, storing and indexing the rest.
"""

from __future__ import annotations

import os

from tests.process_archive import (
    process_archive,
    processes_in_session,
    summary,
    wait_for,
    write_letters,
)

CRASH_LETTERS = int(os.environ.get("IMR_CRASH_LETTERS", "600"))
SYNC_EVERY = 100  # letters between two syncs of the index during the run
# How long the killed run's processes may take to notice their parent is gone (a hang guard).
ORPHANS_GONE_WITHIN = 30


def test_an_ingest_killed_mid_run_is_finished_by_the_next_run(tmp_path, search_backend):
    folder = tmp_path / "letters"
    letters = write_letters(folder, CRASH_LETTERS)
    with process_archive(tmp_path / "archive", search_backend) as archive:
        run = archive.start("ingest_letters", str(folder), "--sync-every", str(SYNC_EVERY), name="killed")
        wait_for(lambda: archive.applied_sequence() > 0 or run.poll() is not None, "a first sync of the index")
        assert run.poll() is None, f"the run ended before it could be killed: {archive.output('killed')}"
        assert len(processes_in_session(run.pid)) > 1  # the run and its parsing processes, as seen from here
        run.kill()
        run.wait()
        left = []
        try:
            wait_for(lambda: not processes_in_session(run.pid), "the killed run's processes to end",
                     hang_guard=ORPHANS_GONE_WITHIN)
        except AssertionError:
            left = processes_in_session(run.pid)
        stored = archive.letters()
        assert 0 < stored < len(letters)

        rerun = archive.manage("ingest_letters", str(folder))
        assert rerun.returncode == 0, rerun.stderr
        assert summary(rerun.stdout) == {"new": len(letters) - stored, "replaced": 0, "unchanged": stored,
                                         "reparsed": 0}
        assert archive.query("SELECT count(*), count(DISTINCT source_name) FROM letters_letter") == [
            (len(letters), len(letters))]
        check = archive.manage("check_index")
        assert check.returncode == 0, check.stderr
        assert f"over {len(letters)} in the database" in check.stdout
        found = archive.manage("shell", "-v0", "-c", FIND_FIRST_AND_LAST)
        assert found.stdout.split() == ["True", "True"], found.stdout + found.stderr
        assert not left, f"processes of the killed run still running: {left}"


# Whether a search by case number finds every item of the first letter stored (by the killed run)
# and of the last (by the next run).
FIND_FIRST_AND_LAST = """
from imr_archive.letters.models import Letter
from imr_archive.search.query import SearchQuery
from imr_archive.search.service import search
with_case = Letter.objects.exclude(case_number=None).order_by("id")
for letter in (with_case.first(), with_case.last()):
    found = {hit.issue_id for hit in search(SearchQuery(q=f"case:{letter.case_number}", per_page=100)).hits}
    print(found == set(letter.issues.values_list("id", flat=True)))
"""


def test_a_rebuild_killed_mid_way_is_finished_by_the_next_sync(tmp_path, search_backend):
    folder = tmp_path / "letters"
    letters = write_letters(folder, CRASH_LETTERS)
    with process_archive(tmp_path / "archive", search_backend) as archive:
        stored = archive.manage("ingest_letters", str(folder))
        assert stored.returncode == 0, stored.stderr
        rebuild = archive.start("rebuild_index", name="rebuild")
        # The cursor goes first: from then on the index may be emptied and half built.
        wait_for(lambda: not (archive.index_dir / "applied-sequence").exists() or rebuild.poll() is not None,
                 "the rebuild to start", every=0.002)  # a fast engine builds 600 letters in a fraction of a second
        assert rebuild.poll() is None, f"the rebuild ended before it could be killed: {archive.output('rebuild')}"
        rebuild.kill()
        rebuild.wait()
        wait_for(lambda: not processes_in_session(rebuild.pid), "the killed rebuild's processes to end",
                 hang_guard=ORPHANS_GONE_WITHIN)
        synced = archive.manage("sync_index")
        assert synced.returncode == 0, synced.stderr
        assert f"applied {len(letters)} change(s) to {len(letters)} letter(s)" in synced.stdout
        check = archive.manage("check_index")
        assert check.returncode == 0, check.stderr
