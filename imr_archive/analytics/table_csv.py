"""A breakdown's table as CSV: value, items, upheld, overturned, partial, overturn_rate, interval_low, interval_high.

UTF-8 with a byte-order mark (as the exports: spreadsheets then read it as
UTF-8). The value is the breakdown's own ("mtus-chronic-pain", "2015-03",
"40-49", "not stated"); a rate and its interval are proportions from 0 to 1
with four decimals, empty for a row without an item of known outcome. A
value a spreadsheet would run as a formula (one starting with = + - @, as a
treatment name read from a letter might) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from imr_archive.analytics.breakdowns import Row, csv_value

COLUMNS = ("value", "items", "upheld", "overturned", "partial", "overturn_rate", "interval_low", "interval_high")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _proportion(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def table_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        low, high = row.interval or (None, None)
        writer.writerow([_cell(csv_value(row.value)), row.items, row.upheld, row.overturned, row.partial,
                         _proportion(row.overturn_rate), _proportion(low), _proportion(high)])
    return out.getvalue()
