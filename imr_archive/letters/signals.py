"""A deleted letter, however it is deleted: its change goes to the outbox, its original goes once that commits."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from imr_archive.letters.models import Letter, LetterChange
from imr_archive.letters.outbox import record_changes
from imr_archive.search.indexing import sync_after_commit

logger = logging.getLogger(__name__)


@receiver(post_delete, sender=Letter)
def record_deleted_letter(sender, instance: Letter, **kwargs) -> None:
    record_changes([instance.pk], LetterChange.DELETED)  # inside the deletion's transaction
    sync_after_commit(lambda reason: logger.warning("letter %s deleted; %s", instance.pk, reason))
    if instance.original:
        original = instance.original
        transaction.on_commit(lambda: original.storage.delete(original.name))
