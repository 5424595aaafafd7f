"""manage.py sync_index as an operator runs it: once, from cron, on a copied folder, or following the database."""

from __future__ import annotations

import shutil
import signal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from imr_archive.letters.models import Issue, Letter, LetterChange
from imr_archive.letters.outbox import latest_sequence, record_changes
from imr_archive.search.cursor import applied_sequence
from imr_archive.search.sync import plan_rebuild, rebuild_index
from tests.conftest import seed_letters
from tests.process_archive import HANG_GUARD, process_archive, wait_for
from tests.search.index_commands import check_index, hits

pytestmark = pytest.mark.django_db(transaction=True)

LETTERS = seed_letters()[:6]


@pytest.fixture
def archive(search_backend) -> list[Letter]:
    call_command("ingest_letters", *map(str, LETTERS), verbosity=0)
    return list(Letter.objects.order_by("id"))


def change_unsynced(letter: Letter, treatment: str) -> None:
    """A correction committed by a process that died before it synced (or on another node)."""
    with transaction.atomic():
        Issue.objects.filter(letter=letter).update(treatment=treatment)
        letter.save(update_fields=["modified"])
        record_changes([letter.id], LetterChange.CORRECTED)


def sync() -> str:
    out = StringIO()
    call_command("sync_index", stdout=out)
    return out.getvalue()


def test_a_letters_changes_are_applied_once_and_a_second_run_has_nothing_to_do(archive):
    letter = archive[0]
    for animal in ("Zebra", "Okapi", "Quagga"):
        change_unsynced(letter, f"{animal}-stripe therapy")
    assert "applied 3 change(s) to 1 letter(s)" in sync()
    assert hits("quagga") and not hits("zebra")
    assert sync().startswith("nothing to apply; the index is at change")
    assert check_index()[0] == 0


def test_an_index_that_lost_its_cursor_applies_every_change_again(archive, settings):
    (settings.IMR_INDEX_DIR / "applied-sequence").unlink()
    changes = LetterChange.objects.count()
    status, report = check_index()
    assert status == 1 and report.endswith(f"{changes} change(s) not applied; run manage.py sync_index")
    assert f"applied {changes} change(s) to {len(LETTERS)} letter(s)" in sync()
    assert check_index()[0] == 0


def test_an_index_built_from_another_database_is_refused_in_one_line(archive, settings):
    ahead = latest_sequence() + 1000
    (settings.IMR_INDEX_DIR / "applied-sequence").write_text(f"{ahead} {settings.IMR_SEARCH_BACKEND}")
    with pytest.raises(CommandError) as refused:
        sync()
    assert refused.value.returncode == 1 and "\n" not in str(refused.value)
    assert str(refused.value).endswith("it was built from another database; run manage.py rebuild_index")
    status, report = check_index()
    assert status == 1 and "built from another database; run manage.py rebuild_index" in report
    call_command("rebuild_index", verbosity=0)
    assert check_index()[0] == 0


def test_rebuild_index_applies_again_what_was_committed_after_it_began(archive):
    plan = plan_rebuild()
    change_unsynced(archive[0], "Zebra-stripe therapy")  # committed while the rebuild lists the letters
    rebuild_index(plan)
    assert applied_sequence() == plan.sequence
    status, report = check_index()
    assert status == 1 and report.endswith("1 change(s) not applied; run manage.py sync_index")
    assert "applied 1 change(s)" in sync()
    assert hits("zebra") and check_index()[0] == 0


def test_a_copy_of_a_peers_index_goes_on_from_where_the_peer_stood(archive, settings, tmp_path):
    peer = settings.IMR_INDEX_DIR
    shutil.copytree(peer, tmp_path / "new-node")
    change_unsynced(archive[0], "Zebra-stripe therapy")  # in the database both nodes read
    settings.IMR_INDEX_DIR = tmp_path / "new-node"
    assert "applied 1 change(s) to 1 letter(s)" in sync()
    assert hits("zebra") and check_index()[0] == 0
    settings.IMR_INDEX_DIR = peer  # the peer has not synced yet
    assert check_index()[1].endswith("1 change(s) not applied; run manage.py sync_index")


def test_a_follow_interval_of_zero_is_refused():
    with pytest.raises(CommandError, match="--interval must be more than 0 seconds"):
        call_command("sync_index", follow=True, interval=0)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_follow_keeps_another_nodes_index_in_step_and_stops_cleanly(tmp_path, search_backend, stop):
    with process_archive(tmp_path, search_backend) as node:
        other_index = tmp_path / "other-node-index"
        follower = node.start("sync_index", "--follow", "--interval", "0.1", name="follow", index_dir=other_index)
        ingest = node.manage("ingest_letters", *map(str, LETTERS))  # on this node, into its own index
        assert ingest.returncode == 0, ingest.stderr
        wait_for(lambda: node.applied_sequence(other_index) == node.latest_sequence() or follower.poll() is not None,
                 "the other node's index to catch up")
        assert follower.poll() is None, node.output("follow")
        follower.send_signal(stop)
        assert follower.wait(HANG_GUARD) == 0, node.output("follow")
        out, err = node.output("follow")
        assert "applied" in out and "Traceback" not in err
        check = node.manage("check_index", index_dir=other_index)
        assert check.returncode == 0, check.stderr
        assert f"over {len(LETTERS)}" in check.stdout
