"""An upload arrives: judge every file, stage the readable ones, record the batch as queued.

Nothing here parses a letter; that happens later, file by file, in
`processing`. What can be decided from names, sizes and a zip's directory is
decided now, so a refused file has its row and reason at once.

Staged copies go through Django's storage API under names made here
(`uploads/staging/<random>.<type>`), never under the uploaded name.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile as ReceivedFile
from django.db import transaction

from imr_archive.uploads import archives
from imr_archive.uploads.models import UploadBatch, UploadedFile

STAGING = "uploads/staging"


def receive_upload(user: AbstractBaseUser, files: Iterable[ReceivedFile]) -> UploadBatch:
    """Record a batch with one row per file (a zip: per member), staging what is to be read.

    The files are staged first, outside any transaction (copying a large upload must not hold SQLite's write
    lock, which the thread reading an earlier batch needs); the batch and its rows are then written at once,
    so no worker ever sees a batch without its files.
    """
    staged: list[str] = []
    try:
        rows: list[UploadedFile] = []
        for received in files:
            rows += _rows_for(received, len(rows) + 1, staged)
        with transaction.atomic():
            batch = UploadBatch.objects.create(uploaded_by=user)
            if not any(row.status == UploadedFile.PENDING for row in rows):  # every file refused on arrival
                batch.status = UploadBatch.DONE
                batch.started = batch.finished = batch.created
                batch.save(update_fields=["status", "started", "finished"])
            for row in rows:
                row.batch = batch
            UploadedFile.objects.bulk_create(rows)
    except BaseException:
        for name in staged:
            default_storage.delete(name)
        raise
    return batch


def _rows_for(received: ReceivedFile, position: int, staged: list[str]) -> list[UploadedFile]:
    name = received.name or ""
    suffix = archives.suffix(name)
    row = UploadedFile(position=position, name=name[:500], size=received.size)
    reason = archives.type_refusal(name) or (suffix != archives.ZIP_SUFFIX and archives.size_refusal(received.size))
    if reason:
        return [_failed(row, reason)]
    if suffix != archives.ZIP_SUFFIX:
        row.staged_name = _stage(received, suffix, staged)
        return [row]
    try:
        received.seek(0)
        members = archives.list_zip(received, received.size)
    except archives.Refused as refusal:
        return [_failed(row, str(refusal))]
    if not members:
        return [_failed(row, "the zip holds no files")]
    readable = any(not member.reason for member in members)
    zip_name = _stage(received, archives.ZIP_SUFFIX, staged) if readable else ""
    return [
        UploadedFile(position=position + offset, name=member.name[:500], archive=name[:255],
                     member_index=member.index, size=member.size, staged_name="" if member.reason else zip_name,
                     status=UploadedFile.FAILED if member.reason else UploadedFile.PENDING, reason=member.reason)
        for offset, member in enumerate(members)
    ]


def _failed(row: UploadedFile, reason: str) -> UploadedFile:
    row.status = UploadedFile.FAILED
    row.reason = reason[:500]
    return row


def _stage(received: ReceivedFile, suffix: str, staged: list[str]) -> str:
    received.seek(0)
    name = default_storage.save(f"{STAGING}/{uuid.uuid4().hex}{suffix}", received)
    staged.append(name)
    return name
