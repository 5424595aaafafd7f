#!/usr/bin/env python
"""A Tantivy index of COUNT letters made of one archive's documents, each letter present COUNT / LETTERS times.

    IMR_VAR_DIR=ARCHIVE/var python bench/tantivy_copies.py --letters 2000000 --index OUT

As bench/replicate_postgres.py grows a database (the same letters, each
present many times), but for the index alone: the analytics page on
Tantivy asks nothing of the database, so its latency at a size needs the
index of that size, not the database. Copy k of a letter gets ids shifted
by k * ID_STEP. The index is built anew (OUT must not hold one).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "imr_archive.settings")

import django  # noqa: E402 - settings first

django.setup()

from imr_archive.letters.models import Letter  # noqa: E402
from imr_archive.search.documents import documents_for_letters  # noqa: E402
from imr_archive.search.tantivy.folder import IndexFolder  # noqa: E402
from imr_archive.search.tantivy.schema import document  # noqa: E402

ID_STEP = 10_000_000  # above any id of the archive copied
BATCH = 500
HEAP_BYTES = 1_000_000_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, required=True)
    parser.add_argument("--index", type=Path, required=True)
    args = parser.parse_args()
    if (args.index / "meta.json").exists():
        sys.exit(f"{args.index} already holds an index")
    ids = list(Letter.objects.order_by("id").values_list("id", flat=True))
    if max(ids) >= ID_STEP:
        sys.exit(f"letter ids reach {max(ids)}: copies would collide")
    documents = [doc for start in range(0, len(ids), BATCH) for doc in documents_for_letters(ids[start:start + BATCH])]
    copies = args.letters // len(ids)
    started = time.perf_counter()
    with IndexFolder(args.index, 60).writer(HEAP_BYTES, max(1, min(os.cpu_count() or 1, 4))) as writer:
        for k in range(copies):
            for doc in documents:
                writer.add_document(document(replace(doc, issue_id=doc.issue_id + k * ID_STEP,
                                                     letter_id=doc.letter_id + k * ID_STEP)))
            print(f"copy {k + 1} of {copies}", file=sys.stderr, flush=True)
    print(f"{copies * len(ids)} letters, {copies * len(documents)} items in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
