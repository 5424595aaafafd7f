"""Two ingests at once over overlapping files, on both databases: honest summaries, no duplicate, a whole index.

A letter the other run stored first is "unchanged" for this one, not a
failure. The pipelined runs (parsing processes, new letters stored a batch
per transaction) overlap on whole batches, so their transactions collide.
"""

from __future__ import annotations

import pytest

from tests.process_archive import HANG_GUARD, process_archive, summary, write_letters


@pytest.mark.parametrize(("letters", "overlap"), [(24, 8), (300, 100)], ids=["letter by letter", "pipelined"])
def test_two_ingests_of_overlapping_files_at_once(tmp_path, search_backend, letters, overlap):
    files = write_letters(tmp_path / "letters", letters)
    half = (letters + overlap) // 2
    runs = {"first": files[:half], "second": files[letters - half:]}
    with process_archive(tmp_path / "archive", search_backend) as archive:
        started = {name: archive.start("ingest_letters", *map(str, part), name=name) for name, part in runs.items()}
        counts = {}
        for name, run in started.items():
            run.wait(HANG_GUARD)
            out, err = archive.output(name)
            assert run.returncode == 0, (out, err)
            assert "Traceback" not in err and "FAILED" not in err
            counts[name] = summary(out)
            assert counts[name]["new"] + counts[name]["unchanged"] == len(runs[name])
        assert counts["first"]["new"] + counts["second"]["new"] == letters
        assert archive.query("SELECT count(*), count(DISTINCT source_name) FROM letters_letter") == [
            (letters, letters)]
        check = archive.manage("check_index")
        assert check.returncode == 0, check.stderr
        assert f"over {letters} in the database" in check.stdout
