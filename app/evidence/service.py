"""Evidence: coded, anonymised observations per initiative; recording, finding, importing."""

import csv
import hashlib
import io
import itertools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError
from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, select

from app.db import fetch_page
from app.evidence.models import EvidenceCondition, EvidenceItem
from app.evidence.schemas import EvidenceCreate, EvidenceFilter
from app.vocabulary import EvidenceSource, IntegrationLevel, PartnershipCondition, Perspective

CSV_COLUMNS = (
    "source",
    "observed_on",
    "perspective",
    "level",
    "conditions",
    "quote_consent",
    "excerpt",
)
MAX_IMPORT_ROWS = 2000
_YES = {"yes", "y", "true", "1", "ja", "j"}
_NO = {"no", "n", "false", "0", "nee", ""}


def evidence_fingerprint(
    *,
    source: EvidenceSource,
    observed_on: date,
    perspective: Perspective,
    level: IntegrationLevel,
    conditions: Iterable[PartnershipCondition],
    excerpt: str,
) -> str:
    """SHA-256 of the coded content: the same observation imported twice is recognised.

    The excerpt is NFC-normalised with its whitespace collapsed, so line breaks don't matter.
    """
    normalised_excerpt = " ".join(unicodedata.normalize("NFC", excerpt).split())
    parts = (
        source.value,
        observed_on.isoformat(),
        perspective.value,
        level.value,
        ",".join(sorted(condition.value for condition in set(conditions))),
        normalised_excerpt,
    )
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def _fingerprint(data: EvidenceCreate) -> str:
    return evidence_fingerprint(
        source=data.source,
        observed_on=data.observed_on,
        perspective=data.perspective,
        level=data.level,
        conditions=data.conditions,
        excerpt=data.excerpt,
    )


def _new_item(initiative_id: int, recorded_by_id: int | None, data: EvidenceCreate) -> EvidenceItem:
    item = EvidenceItem(
        initiative_id=initiative_id,
        recorded_by_id=recorded_by_id,
        fingerprint=_fingerprint(data),
        **data.model_dump(exclude={"conditions"}),
    )
    # evidence_item_id is filled in by the relationship when the item is flushed.
    item.conditions = [EvidenceCondition(condition=c) for c in data.conditions]  # type: ignore[call-arg]
    return item


def record_evidence(
    *, db: Session, initiative_id: int, recorded_by_id: int | None, data: EvidenceCreate
) -> tuple[EvidenceItem, bool]:
    """Store an evidence item; (the existing item, False) if the same one is stored already."""
    existing = db.exec(
        select(EvidenceItem).where(
            EvidenceItem.initiative_id == initiative_id,
            EvidenceItem.fingerprint == _fingerprint(data),
        )
    ).first()
    if existing is not None:
        return existing, False
    item = _new_item(initiative_id, recorded_by_id, data)
    db.add(item)
    db.flush()
    return item, True


def list_evidence(
    *,
    db: Session,
    initiative_id: int,
    evidence_filter: EvidenceFilter,
    offset: int = 0,
    limit: int = 50,
) -> tuple[Sequence[EvidenceItem], int]:
    conditions: list[ColumnElement[bool]] = [col(EvidenceItem.initiative_id) == initiative_id]
    f = evidence_filter
    if f.condition is not None:
        conditions.append(
            col(EvidenceItem.id).in_(
                select(EvidenceCondition.evidence_item_id).where(
                    EvidenceCondition.condition == f.condition
                )
            )
        )
    for column, value in (
        (EvidenceItem.level, f.level),
        (EvidenceItem.source, f.source),
        (EvidenceItem.perspective, f.perspective),
    ):
        if value is not None:
            conditions.append(col(column) == value)
    if f.observed_from is not None:
        conditions.append(col(EvidenceItem.observed_on) >= f.observed_from)
    if f.observed_until is not None:
        conditions.append(col(EvidenceItem.observed_on) <= f.observed_until)
    for word in f.text.replace("\x00", "").split()[:8]:
        # Every word must occur; LIKE with escaping works alike on SQLite and PostgreSQL.
        conditions.append(func.lower(EvidenceItem.excerpt).contains(word.lower(), autoescape=True))
    query = (
        select(EvidenceItem)
        .where(*conditions)
        .options(selectinload(EvidenceItem.conditions))  # type: ignore[arg-type]
        .order_by(col(EvidenceItem.observed_on).desc(), col(EvidenceItem.id).desc())
    )
    return fetch_page(db, query, offset=offset, limit=limit)


# -- CSV import -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    row: int  # 1-based, counting the header as row 1, as spreadsheets do
    column: str
    message: str


@dataclass
class ImportResult:
    added: int = 0
    already_present: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def csv_template() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerow(
        [
            "interview",
            "2026-10-02",
            "family",
            "clinical",
            "roles;shared_vision",
            "yes",
            "The mother said she never knew which of the three professionals to call first.",
        ]
    )
    return buffer.getvalue()


def import_csv(
    *, db: Session, initiative_id: int, recorded_by_id: int | None, content: bytes
) -> ImportResult:
    """Validate every row first; store nothing if any row is invalid; skip rows already stored."""
    result = ImportResult()
    rows = read_csv_rows(content, result)
    if not result.ok:
        return result
    valid: list[EvidenceCreate] = []
    for row_number, row in rows:
        parsed = _validate_row(row_number, row, result)
        if parsed is not None:
            valid.append(parsed)
    if not result.ok:
        return result
    stored = set(
        db.exec(
            select(EvidenceItem.fingerprint).where(EvidenceItem.initiative_id == initiative_id)
        ).all()
    )
    for data in valid:
        fingerprint = _fingerprint(data)
        if fingerprint in stored:
            result.already_present += 1
            continue
        stored.add(fingerprint)
        db.add(_new_item(initiative_id, recorded_by_id, data))
        result.added += 1
    db.flush()
    return result


def read_csv_rows(
    content: bytes, result: ImportResult, columns: Sequence[str] = CSV_COLUMNS
) -> list[tuple[int, dict[str, str]]]:
    """The file's rows by line number (header = 1), each {column: text}; problems with the
    file itself (encoding, header, quoting, size) go to ``result``. Monitoring reuses it."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.problems.append(RowProblem(1, "file", "is not UTF-8 text; save it as CSV UTF-8"))
        return []
    if "\x00" in text:
        result.problems.append(RowProblem(1, "file", "contains NUL characters; is it a CSV file?"))
        return []
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") and "\t" not in sample else ","
    # newline="": the csv module ends lines at \r\n, \n or a lone \r (old Mac, some exports).
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    record_start = 1  # the line the record being read starts on, for a message about it
    try:
        header = [name.strip().lower() for name in (reader.fieldnames or [])]
        missing = [name for name in columns if name not in header]
        if missing:
            for name in missing:
                result.problems.append(
                    RowProblem(1, name, "this column is missing from the header")
                )
            return []
        reader.fieldnames = header
        records = iter(reader)
        for index in itertools.count(start=2):
            record_start = reader.line_num + 1
            raw = next(records, None)
            if raw is None:
                break
            if index - 1 > MAX_IMPORT_ROWS:
                result.problems.append(
                    RowProblem(index, "file", f"more than {MAX_IMPORT_ROWS} rows; split the file")
                )
                return []
            if not any((value or "").strip() for value in raw.values() if isinstance(value, str)):
                continue  # blank line
            rows.append((index, {k: (v or "") for k, v in raw.items() if isinstance(k, str)}))
    except csv.Error as error:
        result.problems.append(
            RowProblem(
                record_start,
                "file",
                f"cannot be read as CSV ({error}); check the quotes around texts",
            )
        )
        return []
    if not rows and result.ok:
        result.problems.append(RowProblem(2, "file", "has no rows below the header"))
    return rows


def _validate_row(
    row_number: int, row: dict[str, str], result: ImportResult
) -> EvidenceCreate | None:
    consent = row["quote_consent"].strip().lower()
    if consent not in _YES | _NO:
        result.problems.append(RowProblem(row_number, "quote_consent", "use yes or no"))
        return None
    candidate = {
        "source": row["source"].strip(),
        "observed_on": row["observed_on"].strip(),
        "perspective": row["perspective"].strip(),
        "level": row["level"].strip(),
        "conditions": [
            c.strip() for c in row["conditions"].replace(",", ";").split(";") if c.strip()
        ],
        "quote_consent": consent in _YES,
        "excerpt": row["excerpt"],
    }
    try:
        return EvidenceCreate.model_validate(candidate)
    except ValidationError as error:
        for problem in error.errors():
            column = str(problem["loc"][0]) if problem["loc"] else "row"
            result.problems.append(
                RowProblem(row_number, column, _plain_message(column, problem["msg"]))
            )
        return None


def _plain_message(column: str, message: str) -> str:
    choices = {
        "source": [s.value for s in EvidenceSource],
        "perspective": [p.value for p in Perspective],
        "level": [level.value for level in IntegrationLevel],
        "conditions": [c.value for c in PartnershipCondition],
    }
    if column in choices:
        return f"use one of: {', '.join(choices[column])}"
    if column == "observed_on":
        return "use a date as YYYY-MM-DD"
    return message.removeprefix("Value error, ")
