"""manage.py process_uploads: finish the upload batches a stopped process left queued or half read."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError, CommandParser

from imr_archive.uploads.models import UploadBatch, UploadedFile
from imr_archive.uploads.processing import STALE_AFTER, process_batch, resume_interrupted, sweep_staging


class Command(BaseCommand):
    help = (
        "Process every upload batch that is not done (queued, or interrupted by a restart), file by file, "
        "as the upload page's background thread would, then delete staged copies left by an upload that never "
        "finished arriving. Safe to re-run and to run beside a live server: each file is claimed before it is "
        "read. A file that fails is recorded on its batch, not an error here."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, action="append", dest="batches", metavar="ID",
                            help="Process only this batch (repeatable). Default: every batch not done.")
        parser.add_argument("--stale-minutes", type=int, default=int(STALE_AFTER.total_seconds() // 60),
                            help="A file marked as being read for longer than this, or a staged copy no file "
                                 "refers to older than this, was abandoned by a stopped process: the file is read "
                                 "again, the copy deleted (default: %(default)s).")

    def handle(self, *args, batches: list[int] | None, stale_minutes: int, verbosity: int, **options) -> None:
        if stale_minutes < 1:
            raise CommandError("--stale-minutes must be at least 1")
        waiting = resume_interrupted(timedelta(minutes=stale_minutes))
        if batches:
            missing = set(batches) - set(UploadBatch.objects.filter(pk__in=batches).values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no such upload batch: {', '.join(map(str, sorted(missing)))}")
            waiting = [pk for pk in waiting if pk in batches]
        for pk in waiting:
            process_batch(pk)
            if verbosity >= 2:
                status = UploadBatch.objects.values_list("status", flat=True).get(pk=pk)
                failed = UploadedFile.objects.filter(batch_id=pk, status=UploadedFile.FAILED).count()
                self.stdout.write(f"upload {pk}: {status}, {failed} file(s) failed")
        swept = sweep_staging(timedelta(minutes=stale_minutes))
        if verbosity >= 1:
            self.stdout.write(f"{len(waiting)} upload batch(es) processed, {swept} abandoned staged file(s) deleted")
