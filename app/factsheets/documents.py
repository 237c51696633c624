"""Rendered PDFs: once per content version, kept in the database, frozen once published.

A document's content hash covers the view, the variant and the template version. A draft's
PDF is rendered again only when that hash changes; a published version's bytes never change
(its first rendering is kept, whatever changes later), so every download is the same file.
"""

import dataclasses
import hashlib
import json
import re
from typing import Literal, Protocol

from sqlalchemy.orm import defer
from sqlmodel import Session, select

from app.db import utcnow
from app.factsheets.document import FactsheetView
from app.factsheets.models import Factsheet, FactsheetDocument
from app.factsheets.view import build_view
from app.vocabulary import FactsheetStatus

Variant = Literal["full", "plain"]
VARIANTS: tuple[Variant, ...] = ("full", "plain")


class Renderer(Protocol):
    @property
    def template_version(self) -> str: ...

    def render_pdf(self, view: FactsheetView, variant: Variant) -> bytes: ...

    def render_html(
        self, view: FactsheetView, variant: Variant, *, stylesheet_href: str | None = None
    ) -> str: ...


def file_name(
    session_number: int,
    initiative_name: str,
    version: int,
    variant: str,
    *,
    initiative_number: int | None = None,
) -> str:
    """E.g. ``session-02-gezinsteam-plus-v1.pdf``; with ``initiative_number`` (the archive's
    names, sorted by session and initiative) ``session-02-initiative-07-gezinsteam-plus-v1.pdf``."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", initiative_name).strip("-").lower()
    suffix = "-plain-language" if variant == "plain" else ""
    number = "" if initiative_number is None else f"initiative-{initiative_number:02d}-"
    return f"session-{session_number:02d}-{number}{slug}-v{version}{suffix}.pdf"


def content_hash(view: FactsheetView, variant: str, template_version: str) -> str:
    payload = json.dumps(
        {"view": dataclasses.asdict(view), "variant": variant, "template": template_version},
        default=str,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def stored(
    *, db: Session, factsheet_id: int, variant: str, language: str
) -> FactsheetDocument | None:
    # The bytes load on first use, so answering "not modified" never reads the blob.
    return db.exec(
        select(FactsheetDocument)
        .where(
            FactsheetDocument.factsheet_id == factsheet_id,
            FactsheetDocument.variant == variant,
            FactsheetDocument.language == language,
        )
        .options(defer(FactsheetDocument.pdf))  # type: ignore[arg-type]
    ).first()


def current_hash(
    *, db: Session, factsheet: Factsheet, variant: str, language: str, template_version: str
) -> tuple[FactsheetView, str]:
    view = build_view(db=db, factsheet=factsheet, language=language)
    return view, content_hash(view, variant, template_version)


def up_to_date(
    *,
    db: Session,
    factsheet: Factsheet,
    variant: Variant,
    language: str,
    template_version: str,
) -> tuple[FactsheetDocument | None, FactsheetView | None, str]:
    """The stored document if it can be served as it is; otherwise the view to render and its hash."""
    document = stored(db=db, factsheet_id=factsheet.id or 0, variant=variant, language=language)
    if document is not None and factsheet.status == FactsheetStatus.published:
        return document, None, document.content_hash
    view, digest = current_hash(
        db=db,
        factsheet=factsheet,
        variant=variant,
        language=language,
        template_version=template_version,
    )
    if document is not None and document.content_hash == digest:
        return document, None, digest
    return None, view, digest


def keep(
    *,
    db: Session,
    factsheet: Factsheet,
    variant: Variant,
    language: str,
    digest: str,
    template_version: str,
    pdf: bytes,
) -> FactsheetDocument:
    """Store a rendering; a published version keeps the first one it got."""
    document = stored(db=db, factsheet_id=factsheet.id or 0, variant=variant, language=language)
    if document is not None and factsheet.status == FactsheetStatus.published:
        return document
    if document is None:
        document = FactsheetDocument(
            factsheet_id=factsheet.id or 0,
            variant=variant,
            language=language,
            content_hash=digest,
            template_version=template_version,
            pdf=pdf,
        )
        db.add(document)
    else:
        document.content_hash = digest
        document.template_version = template_version
        document.pdf = pdf
        document.updated_at = utcnow()
    db.flush()
    return document


def document(
    *, db: Session, factsheet: Factsheet, variant: Variant, language: str, renderer: Renderer
) -> FactsheetDocument:
    """The PDF to serve now: from the database when current, rendered here otherwise."""
    found, view, digest = up_to_date(
        db=db,
        factsheet=factsheet,
        variant=variant,
        language=language,
        template_version=renderer.template_version,
    )
    if found is not None:
        return found
    assert view is not None
    pdf = renderer.render_pdf(view, variant)
    return keep(
        db=db,
        factsheet=factsheet,
        variant=variant,
        language=language,
        digest=digest,
        template_version=renderer.template_version,
        pdf=pdf,
    )
