"""Uploads through the staff upload page: who sent which files, and what became of each.

A batch is one submission of the upload form. Each file in it (a zip counts as
its members) is one UploadedFile row, created when the upload arrives and
updated by the background processing as the file goes through the ingest service.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse

from imr_archive.letters.models import Letter, TimeStamped


class UploadBatch(TimeStamped):
    """One submission of the upload form."""

    QUEUED = "queued"
    PROCESSING = "processing"
    DONE = "done"
    STATUS_CHOICES = [(QUEUED, "Queued"), (PROCESSING, "Processing"), (DONE, "Done")]

    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="upload_batches",
                                    help_text="Staff member who uploaded the files (empty once the user is deleted).")
    status = models.CharField(max_length=12, choices=STATUS_CHOICES, default=QUEUED, db_index=True,
                              help_text="queued: waiting for processing; processing: files are being read; "
                                        "done: every file has its outcome.")
    started = models.DateTimeField(null=True, blank=True, help_text="When processing of the files began.")
    finished = models.DateTimeField(null=True, blank=True, help_text="When the last file got its outcome.")

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name_plural = "upload batches"

    def __str__(self) -> str:
        return f"Upload {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("uploads:batch", args=[self.pk])

    @property
    def running(self) -> bool:
        return self.status != self.DONE


def outcome_counts() -> dict[str, Count]:
    """Counts of files by outcome, for `aggregate` or `values(...).annotate` over UploadedFile rows.

    Each file counts under one outcome, the one its row shows (UploadedFile.outcome):
    a letter stored with warnings is not counted as new or replaced too, so the
    outcomes add up to `done`.
    """
    F = UploadedFile
    read_whole = Q(warnings=[])
    return {
        "total": Count("id"),
        "done": Count("id", filter=~Q(status__in=F.WAITING)),
        "new": Count("id", filter=Q(status=F.NEW) & read_whole),
        "unchanged": Count("id", filter=Q(status=F.UNCHANGED)),
        "replaced": Count("id", filter=Q(status=F.REPLACED) & read_whole),
        "with_warnings": Count("id", filter=Q(status__in=F.STORED) & ~read_whole),
        "failed": Count("id", filter=Q(status=F.FAILED)),
    }


class UploadedFile(TimeStamped):
    """One file of a batch: a file uploaded on its own, or one member of an uploaded zip."""

    PENDING = "pending"
    PROCESSING = "processing"
    NEW = "new"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"
    FAILED = "failed"
    STATUS_CHOICES = [
        (PENDING, "Waiting"),
        (PROCESSING, "Being read"),
        (NEW, "New"),
        (UNCHANGED, "Already in the archive"),
        (REPLACED, "Replaced an earlier version"),
        (FAILED, "Failed"),
    ]
    WAITING = (PENDING, PROCESSING)
    STORED = (NEW, REPLACED)

    batch = models.ForeignKey(UploadBatch, on_delete=models.CASCADE, related_name="files",
                              help_text="The upload the file came in.")
    position = models.PositiveIntegerField(help_text="Order of the file in the upload, from 1.")
    name = models.CharField(max_length=500,
                            help_text="File name as uploaded, or the member's path inside its zip (untrusted: "
                                      "shown escaped, never used as a storage path).")
    archive = models.CharField(max_length=255, blank=True,
                               help_text="Name of the uploaded zip the file came from; blank for a file uploaded "
                                         "on its own.")
    member_index = models.PositiveIntegerField(null=True, blank=True,
                                               help_text="Position of the member in the zip's directory, from 0.")
    staged_name = models.CharField(max_length=300, blank=True,
                                   help_text="Storage name of the staged copy waiting to be read (the zip itself for "
                                             "a member); deleted from storage once the batch is done.")
    size = models.BigIntegerField(null=True, blank=True,
                                  help_text="Size in bytes (for a zip member, the size its zip declares).")
    status = models.CharField(max_length=12, choices=STATUS_CHOICES, default=PENDING, db_index=True,
                              help_text="What became of the file (the ingest service's status once read).")
    reason = models.CharField(max_length=500, blank=True, help_text="Why the file failed, in one line.")
    warnings = models.JSONField(default=list, blank=True,
                                help_text="What the parser could not read in a stored letter.")
    letter = models.ForeignKey(Letter, on_delete=models.SET_NULL, null=True, blank=True, related_name="uploads",
                               help_text="The letter the file became or matched (empty if it failed or the letter "
                                         "was deleted).")

    class Meta:
        ordering = ["batch_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="unique_uploaded_file_position"),
        ]
        indexes = [models.Index(fields=["batch", "status", "position"], name="uploaded_file_queue")]

    def __str__(self) -> str:
        return f"{self.archive}: {self.name}" if self.archive else self.name

    @property
    def finished(self) -> bool:
        return self.status not in self.WAITING

    @property
    def with_warnings(self) -> bool:
        return self.status in self.STORED and bool(self.warnings)

    @property
    def outcome(self) -> str:
        """What the result table shows: the status, or "warnings" for a letter stored with warnings."""
        return "warnings" if self.with_warnings else self.status

    @property
    def outcome_label(self) -> str:
        if self.with_warnings:
            return "Replaced, with warnings" if self.status == self.REPLACED else "Stored with warnings"
        return self.get_status_display()
