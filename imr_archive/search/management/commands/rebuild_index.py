"""manage.py rebuild_index: build the full-text index anew from the database."""

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from imr_archive.letters.models import Letter
from imr_archive.search.errors import IndexBusy
from imr_archive.search.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the full-text index from the database (the database is the truth)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-progress", action="store_true", help="Never show a progress bar.")

    def handle(self, *args, no_progress: bool, verbosity: int, **options) -> None:
        ids = list(Letter.objects.order_by("id").values_list("id", flat=True))
        with tqdm(total=len(ids), unit="letter", desc="index",
                  disable=no_progress or verbosity == 0 or not sys.stdout.isatty()) as progress:
            try:
                rebuild_index(ids, progress.update)
            except IndexBusy as error:
                raise CommandError(f"{error}; try again once it is free", returncode=1) from None
        if verbosity:
            self.stdout.write(f"indexed {len(ids)} letters")
