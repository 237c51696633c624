"""Re-anonymising evidence whose author withdrew their consent: a page with the excerpt to
rewrite in the researcher's own words (who may record the initiative's evidence)."""

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel
from sqlmodel import Session

from app.auth.dependencies import MemberDep
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import InvalidInputError, NotFoundError
from app.evidence import consent_flags
from app.evidence.models import EvidenceItem
from app.forms import FormParagraph
from app.initiatives.dependencies import InitiativeEvidenceDep
from app.initiatives.models import Initiative
from app.labels import N_
from app.templating import render
from app.web import Toast, with_toast

router = APIRouter(prefix="/initiatives", include_in_schema=False)

EvidenceId = Annotated[int, Path(ge=1, le=MAX_ID)]
PAGE = "/{initiative_id}/evidence/{evidence_id}/re-anonymise"


class RewriteForm(BaseModel):
    excerpt: FormParagraph = ""


def _item(db: Session, initiative: Initiative, evidence_id: int) -> EvidenceItem:
    item = db.get(EvidenceItem, evidence_id)
    if item is None or item.initiative_id != initiative.id:
        raise NotFoundError(
            N_("There is no evidence item with id %(id)s."), arguments={"id": evidence_id}
        )
    return item


def _page(
    request: Request,
    initiative: Initiative,
    item: EvidenceItem,
    *,
    typed: str | None = None,
    error: str | None = None,
) -> HTMLResponse:
    return render(
        request,
        "evidence/re_anonymise.html",
        {
            "initiative": initiative,
            "item": item,
            "typed": item.excerpt if typed is None else typed,
            "errors": {"excerpt": error} if error else {},
            "max_excerpt": consent_flags.MAX_EXCERPT,
        },
        status_code=422 if error else 200,
    )


@router.get(PAGE, response_class=HTMLResponse)
def rewrite_form(
    principal: MemberDep,
    request: Request,
    initiative: InitiativeEvidenceDep,
    db: DbDep,
    evidence_id: EvidenceId,
) -> HTMLResponse:
    return _page(request, initiative, _item(db, initiative, evidence_id))


@router.post(PAGE, response_class=HTMLResponse)
def rewrite(
    principal: MemberDep,
    request: Request,
    initiative: InitiativeEvidenceDep,
    db: DbDep,
    evidence_id: EvidenceId,
    form: Annotated[RewriteForm, Form()],
) -> Response:
    item = _item(db, initiative, evidence_id)
    try:
        consent_flags.reanonymise(db=db, item=item, excerpt=form.excerpt)
    except InvalidInputError as error:
        return _page(request, initiative, item, typed=form.excerpt, error=error.message)
    toast = Toast(N_("Re-anonymised: the excerpt is in your words now."))
    target = f"/initiatives/{initiative.id}/evidence"
    return with_toast(request, RedirectResponse(target, 303), toast)
