"""A deleted letter leaves the index once its deletion commits."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from imr_archive.letters.models import Letter
from imr_archive.search.service import remove_letters


@receiver(post_delete, sender=Letter)
def remove_deleted_letter_from_index(sender, instance: Letter, **kwargs) -> None:
    letter_id = instance.pk
    transaction.on_commit(lambda: remove_letters([letter_id]))
    if instance.original:
        original = instance.original
        transaction.on_commit(lambda: original.storage.delete(original.name))
