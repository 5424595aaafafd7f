"""Letter.permalink: the lasting key of a letter's address, filled for the letters already stored.

The column is added empty, filled by UPDATEs of 10,000 letters each (each its
own transaction, so readers are never locked out for the whole table), then
made required and unique. A stored letter's key comes from its text as it
is now; letters stored from here on take theirs when first stored.
"""

from django.db import migrations, models
from django.db.models.functions import Substr

BATCH = 10_000


def fill_permalinks(apps, schema_editor):
    Letter = apps.get_model("letters", "Letter")
    db = schema_editor.connection.alias
    last = Letter.objects.using(db).order_by("-id").values_list("id", flat=True).first() or 0
    for start in range(0, last + 1, BATCH):
        Letter.objects.using(db).filter(id__gte=start, id__lt=start + BATCH, permalink=None).update(
            permalink=Substr("sha256", 1, 16))


class Migration(migrations.Migration):

    atomic = False  # the fill commits a batch at a time

    dependencies = [
        ("letters", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="letter",
            name="permalink",
            field=models.CharField(editable=False, max_length=16, null=True),
        ),
        migrations.RunPython(fill_permalinks, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="letter",
            name="permalink",
            field=models.CharField(
                editable=False, max_length=16, unique=True,
                help_text="Lasting key of the letter's address /letter/<permalink>/: the first 16 hex digits of the "
                          "SHA-256 of its text when first stored, never changed (a re-parse or a corrected copy "
                          "keeps it)."),
        ),
    ]
