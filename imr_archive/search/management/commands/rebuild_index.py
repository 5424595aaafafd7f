"""manage.py rebuild_index: build the full-text index anew from the database."""

import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from imr_archive.search.errors import IndexBusy
from imr_archive.search.sync import plan_rebuild, rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild this node's full-text index (IMR_INDEX_DIR) from the database, the truth: empty it, index "
        "every letter, and record the last change it holds, so sync_index goes on from there. Searches find "
        "fewer letters while it runs. Exits 1 with the reason when it could not finish."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-progress", action="store_true",
                            help="Never show a progress bar (it is shown only on a terminal anyway).")

    def handle(self, *args, no_progress: bool, verbosity: int, **options) -> None:
        plan = plan_rebuild()
        with tqdm(total=len(plan.letter_ids), unit="letter", desc="index",
                  disable=no_progress or verbosity == 0 or not sys.stdout.isatty()) as progress:
            try:
                rebuild_index(plan, progress.update)
            except IndexBusy as error:
                raise CommandError(f"{error}; try again once it is free", returncode=1) from None
            except ImproperlyConfigured as error:
                raise CommandError(str(error), returncode=1) from None
        if verbosity:
            self.stdout.write(f"indexed {len(plan.letter_ids)} letters; the index is at change {plan.sequence}")
