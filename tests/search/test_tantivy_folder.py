"""The Tantivy index folder with other processes: one writer at a time, readers that follow, crashes, strangers' files.

Other processes are real ones (subprocesses writing to the same folder);
waits are on conditions, with generous deadlines only as hang guards.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import date

import pytest
import tantivy
from django.core.exceptions import ImproperlyConfigured

from imr_archive.search.documents import IssueDocument
from imr_archive.search.errors import IndexBusy
from imr_archive.search.facets import counting_passes
from imr_archive.search.query import SearchQuery
from imr_archive.search.query_syntax import read
from imr_archive.search.tantivy import TantivyBackend
from imr_archive.search.tantivy import folder as index_folder
from tests.conftest import REPO

HANG_GUARD = 120  # seconds
CURSOR = "applied-sequence"  # a file of another part of the project, kept in the index folder

# Run in another process: open the folder given as argv[1] and run argv[2] against `backend`.
OTHER_PROCESS = """
import sys, django
django.setup()
from datetime import date
from imr_archive.search.documents import IssueDocument
from imr_archive.search.tantivy import TantivyBackend
backend = TantivyBackend(sys.argv[1])
def document(n):
    return IssueDocument(issue_id=n, letter_id=n, stamp="s", treatment="knee brace", treatment_normalized="",
                         rationale="", summary=[], guideline_lines=[], case_number="", outcome="upheld",
                         category="Other", specialty="", decision=date(2015, 1, 2), injury=None, sex="", age=None)
exec(sys.argv[2])
"""


def document(issue_id: int, treatment: str = "knee brace") -> IssueDocument:
    return IssueDocument(issue_id=issue_id, letter_id=issue_id, stamp="s", treatment=treatment,
                         treatment_normalized="", rationale="", summary=[], guideline_lines=[], case_number="",
                         outcome="upheld", category="Other", specialty="", decision=date(2015, 1, 2),
                         injury=None, sex="", age=None)


def other_process(folder, code: str) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "imr_archive.settings", "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", OTHER_PROCESS, str(folder), code], env=env, cwd=REPO,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def found(backend: TantivyBackend, q: str) -> int:
    query = SearchQuery(q=q)
    return backend.answer(query, read(q).node, counting_passes(query)).total


@pytest.fixture
def holder(tmp_path):
    """Another process holding the folder's writer until told to commit (a line on its stdin)."""
    process = other_process(tmp_path, "with backend.folder.writer() as w:\n"
                                      "    w.add_document(__import__('imr_archive.search.tantivy.schema', "
                                      "fromlist=['x']).document(document(7)))\n"
                                      "    print('holding', flush=True)\n"
                                      "    sys.stdin.readline()\n")
    assert process.stdout.readline().strip() == "holding", process.stderr.read()
    yield process
    process.kill()
    process.wait(HANG_GUARD)


def test_a_second_writer_gives_one_line_when_the_lock_stays_taken(tmp_path, holder):
    backend = TantivyBackend(tmp_path, lock_timeout=0.2)
    with pytest.raises(IndexBusy) as busy:
        backend.replace_letters([1], [document(1)])
    assert str(busy.value) == "the search index is being written by another process (waited 0.2 s for its lock)"


def test_a_second_writer_waits_for_the_lock_and_then_writes(tmp_path, holder, monkeypatch):
    waited = threading.Event()
    pause = index_folder.time.sleep
    monkeypatch.setattr(index_folder.time, "sleep", lambda seconds: (waited.set(), pause(seconds)))
    backend = TantivyBackend(tmp_path, lock_timeout=HANG_GUARD)
    writing = threading.Thread(target=backend.replace_letters, args=([1], [document(1)]))
    writing.start()
    assert waited.wait(HANG_GUARD), "the second writer should find the lock taken and wait"
    holder.stdin.write("commit\n")
    holder.stdin.flush()
    assert holder.wait(HANG_GUARD) == 0
    writing.join(HANG_GUARD)
    assert found(backend, "knee") == 2  # the holder's document and this one


def test_a_reader_sees_another_processs_commit_without_being_reopened(tmp_path):
    reader = TantivyBackend(tmp_path)
    reader.replace_letters([1], [document(1)])
    assert found(reader, "knee") == 1
    writer = other_process(tmp_path, "backend.replace_letters([2], [document(2)])")
    assert writer.wait(HANG_GUARD) == 0, writer.stderr.read()
    assert found(reader, "knee") == 2


def test_a_writer_killed_mid_run_leaves_the_last_commit_and_the_lock_free(tmp_path):
    backend = TantivyBackend(tmp_path, lock_timeout=HANG_GUARD)
    backend.replace_letters([1], [document(1)])
    (tmp_path / CURSOR).write_text("41")
    killed = other_process(tmp_path, "from imr_archive.search.tantivy.schema import document as built\n"
                                     "with backend.folder.writer() as w:\n"
                                     "    for n in range(100, 3000): w.add_document(built(document(n)))\n"
                                     "    print('added', flush=True)\n"
                                     "    sys.stdin.readline()\n")
    assert killed.stdout.readline().strip() == "added", killed.stderr.read()
    killed.send_signal(signal.SIGKILL)
    killed.wait(HANG_GUARD)
    assert found(backend, "knee") == 1
    backend.replace_letters([2], [document(2)])  # the lock went with the process
    assert found(backend, "knee") == 2
    assert (tmp_path / CURSOR).read_text() == "41"


def test_commits_merges_and_clearing_leave_other_files_in_the_folder_alone(tmp_path):
    backend = TantivyBackend(tmp_path)
    (tmp_path / CURSOR).write_text("42")
    for n in range(1, 40):  # a segment per commit: merges, and garbage collection of merged segments
        backend.replace_letters([n], [document(n)])
    backend.clear()
    assert found(backend, "knee") == 0
    backend.replace_letters([1], [document(1)])
    assert found(backend, "knee") == 1
    assert (tmp_path / CURSOR).read_text() == "42"


def test_an_index_of_another_schema_is_reported_and_cleared_into_a_new_one(tmp_path):
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title")
    old = tantivy.Index(builder.build(), str(tmp_path))
    with old.writer(15_000_000, 1) as writer:
        writer.add_document(tantivy.Document(title="an older index"))
    del old
    (tmp_path / CURSOR).write_text("43")
    backend = TantivyBackend(tmp_path)
    with pytest.raises(ImproperlyConfigured, match="built by another version of IMR Archive: run"):
        found(backend, "knee")
    backend.clear()
    backend.replace_letters([1], [document(1)])
    assert found(backend, "knee") == 1
    assert (tmp_path / CURSOR).read_text() == "43"
