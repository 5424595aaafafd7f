"""Citation.chapter_slug: the canonical chapter each citation's chapter as written counts under.

The column is added empty, filled BATCH citations at a time (each batch its
own transaction, so a large archive is never locked for the whole fill and
an interrupted run resumes where it stopped: it fills only rows still empty),
then indexed with the guideline and the item.
"""

from django.db import migrations, models, transaction

from imr_archive.letters.models import chapter_slug

BATCH = 5000


def fill_chapter_slugs(apps, schema_editor):
    Citation = apps.get_model("letters", "Citation")
    Guideline = apps.get_model("letters", "Guideline")
    names = dict(Guideline.objects.values_list("id", "name"))
    last = 0
    while True:
        rows = list(Citation.objects.filter(id__gt=last, chapter_slug="").exclude(chapter="").order_by("id")
                    .values_list("id", "guideline_id", "chapter")[:BATCH])
        if not rows:
            return
        with transaction.atomic():
            changed = [Citation(id=pk, chapter_slug=chapter_slug(names[guideline], chapter))
                       for pk, guideline, chapter in rows]
            Citation.objects.bulk_update([c for c in changed if c.chapter_slug], ["chapter_slug"], batch_size=500)
        last = rows[-1][0]


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("letters", "0002_letter_permalink"),
    ]

    operations = [
        migrations.AddField(
            model_name="citation",
            name="chapter_slug",
            field=models.CharField(blank=True, default="", editable=False, help_text="The canonical chapter of `chapter` (vocabulary.chapter_of), which chapter counts and links use; blank when no chapter is named.", max_length=80),
        ),
        migrations.RunPython(fill_chapter_slugs, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="citation",
            index=models.Index(fields=["guideline", "chapter_slug", "issue"], name="citation_chapter_issue"),
        ),
    ]
