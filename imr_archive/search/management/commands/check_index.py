"""manage.py check_index: report drift between the database and the full-text index."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from imr_archive.search.drift import find_drift


class Command(BaseCommand):
    help = (
        "Compare the full-text index with the database: letters missing from the index, "
        "stale ones (changed since indexed) and orphans (gone from the database). Exits 1 on drift."
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
            found = "; ".join([*drift.problems, f"index drift: {summary}"])
            raise CommandError(f"{found}; run manage.py rebuild_index", returncode=1)
        if verbosity:
            self.stdout.write(f"index in step: {summary}")
