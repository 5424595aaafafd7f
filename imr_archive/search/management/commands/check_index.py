"""manage.py check_index: report drift between the database and the full-text index."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from imr_archive.search.drift import Drift, find_drift


class Command(BaseCommand):
    help = (
        "Compare this node's full-text index with the database: letters missing from the index, stale ones "
        "(changed since indexed), orphans (gone from the database), and letter changes the index has not "
        "applied yet. Says which command mends what it found. Exits 1 on any difference."
    )

    def handle(self, *args, verbosity: int, **options) -> None:
        try:
            drift = find_drift()
        except ImproperlyConfigured as error:
            raise CommandError(str(error), returncode=1) from None
        for label, letter_ids in (("missing", drift.missing), ("stale", drift.stale), ("orphan", drift.orphans)):
            if verbosity >= 2:
                for letter_id in sorted(letter_ids):
                    self.stdout.write(f"{label} letter {letter_id}")
        summary = (f"{len(drift.missing)} missing, {len(drift.stale)} stale, {len(drift.orphans)} orphan "
                   f"letter(s) over {drift.checked} in the database")
        if drift:
            mend = "run manage.py rebuild_index" if drift.needs_rebuild else "run manage.py sync_index"
            raise CommandError("; ".join([*_findings(drift, summary), mend]), returncode=1)
        if verbosity:
            self.stdout.write(f"index in step: {summary}; at change {drift.applied}")


def _findings(drift: Drift, summary: str) -> list[str]:
    found = list(drift.problems)
    if drift.ahead:
        found.append(f"the index has applied change {drift.applied} but the database's last change is "
                     f"{drift.latest}: it was built from another database")
    if drift.missing or drift.stale or drift.orphans:
        found.append(f"index drift: {summary}")
    if drift.pending:
        found.append(f"{drift.pending} change(s) not applied")
    return found
