"""Research exports as files: CSV that opens cleanly in a spreadsheet, and JSON.

CSV: UTF-8 with a byte order mark (so spreadsheets read it as UTF-8), one header row, CRLF
line ends; every cell passes ``safe_cell``, so a text a spreadsheet would run as a formula
is shown as text instead (OWASP's CSV injection advice).
"""

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A cell's value as written: text starting like a formula gets a leading ``'``; numbers
    and booleans stay as they are (they are ours, not typed text); None is empty."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(fields: Sequence[str], rows: Iterable[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)  # the excel dialect: quoting as needed, \r\n line ends
    writer.writerow([safe_cell(name) for name in fields])
    for row in rows:
        writer.writerow([safe_cell(row.get(name)) for name in fields])
    return buffer.getvalue().encode("utf-8")


def to_json(rows: list[dict[str, Any]]) -> bytes:
    return json.dumps(rows, ensure_ascii=False, indent=2).encode("utf-8")
