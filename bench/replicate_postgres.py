#!/usr/bin/env python
"""Grow a PostgreSQL archive to TIMES its size by copying its letters in SQL.

    DATABASE_URL=... python bench/replicate_postgres.py --times 10

Ingesting a million letters takes hours on a 2-core machine; this copies the
stored letters (with their items, citations and cited pages) TIMES - 1 over,
each copy with new ids, its own SHA-256 and case number, so search latency
can be measured at that size. Every word, facet value and citation keeps the
distribution of the original archive; each letter exists TIMES times. The
search index is then built from the database by the project's own
`rebuild_index` (bench/measure_stack.py times it). Not run by CI;
bench/run.py --replicate-from uses it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import psycopg

# table -> {column: expression of the copy k, given the offsets}
COPIES = {
    "letters_letter": {
        "id": "id + {k} * {letters}",
        "sha256": "encode(sha256((sha256 || '-{k}')::bytea), 'hex')",
        "case_number": "case_number || '-{k}'",
    },
    "letters_issue": {"id": "id + {k} * {issues}", "letter_id": "letter_id + {k} * {letters}"},
    "letters_citation": {"id": "id + {k} * {citations}", "issue_id": "issue_id + {k} * {issues}"},
    "letters_citedpage": {"id": "id + {k} * {pages}", "issue_id": "issue_id + {k} * {issues}",
                          "citation_id": "citation_id + {k} * {citations}"},
}
OFFSET_NAMES = {"letters_letter": "letters", "letters_issue": "issues", "letters_citation": "citations",
                "letters_citedpage": "pages"}


def columns(cursor: psycopg.Cursor, table: str) -> list[str]:
    cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                   "ORDER BY ordinal_position", (table,))
    return [name for (name,) in cursor.fetchall()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args()
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as db, db.cursor() as cursor:
        offsets = {}
        for table, name in OFFSET_NAMES.items():
            cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")  # noqa: S608 - fixed names
            offsets[name] = cursor.fetchone()[0]
        for k in range(1, args.times):
            started = time.perf_counter()
            for table, replaced in COPIES.items():
                names = columns(cursor, table)
                values = [replaced[n].format(k=k, **offsets) if n in replaced else n for n in names]
                limit = offsets[OFFSET_NAMES[table]]
                cursor.execute(f"INSERT INTO {table} ({', '.join(names)}) "  # noqa: S608 - fixed names
                               f"SELECT {', '.join(values)} FROM {table} WHERE id <= {limit}")
            print(f"copy {k}: {time.perf_counter() - started:.0f} s", flush=True)
        for table in COPIES:
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")
        cursor.execute("VACUUM ANALYZE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
