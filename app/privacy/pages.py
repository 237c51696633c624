"""A person's privacy page: download everything Leerkring holds about them, delete their
reflections, and (the facilitator) erase them after a confirmation page.

The person themselves (signed in, or through their personal link) and the facilitator reach
the page, the download and the deletion; erasure is the facilitator's alone. Anyone else is
refused (403), and people of another community are not found (404).
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from app.auth.dependencies import FacilitatorDep, MemberDep
from app.auth.principal import Principal
from app.deps import DbDep
from app.errors import ForbiddenError
from app.forms import FormLine
from app.labels import N_
from app.people.dependencies import PersonDep
from app.people.models import Person
from app.privacy import erasure, export
from app.templating import render
from app.web import Toast, client_ip, with_toast

router = APIRouter(include_in_schema=False)

NOT_CONFIRMED = N_("Tick the box to confirm; nothing was changed.")


def own_or_facilitated(person: PersonDep, principal: MemberDep) -> Person:
    """The person themselves, or the facilitator."""
    if not (principal.is_facilitator or principal.person_id == person.id):
        raise ForbiddenError(N_("A person's data is for the facilitator and the person alone."))
    return person


PrivacyPersonDep = Annotated[Person, Depends(own_or_facilitated)]


class ConfirmForm(BaseModel):
    confirm: FormLine = ""

    @property
    def confirmed(self) -> bool:
        return self.confirm == "yes"


def _path(person: Person) -> str:
    return f"/people/{person.id}/privacy"


@router.get("/people/{person_id}/privacy", response_class=HTMLResponse)
def privacy_page(
    principal: MemberDep,
    request: Request,
    person: PrivacyPersonDep,
    db: DbDep,
) -> HTMLResponse:
    return _privacy_page(request, db, principal, person)


def _privacy_page(
    request: Request,
    db: DbDep,
    principal: Principal,
    person: Person,
    *,
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    plan = erasure.erasure_plan(db=db, person=person)
    return render(
        request,
        "privacy/privacy.html",
        {
            "person": person,
            "plan": plan,
            "is_self": principal.person_id == person.id,
            "may_erase": principal.is_facilitator
            and principal.person_id != person.id
            and person.erased_at is None,
            "errors": errors or {},
        },
        status_code=422 if errors else 200,
    )


@router.get("/people/{person_id}/data.zip")
def download_data(
    principal: MemberDep, request: Request, person: PrivacyPersonDep, db: DbDep
) -> Response:
    archive = export.export_archive(
        db=db,
        person=person,
        language=request.state.language,
        actor=principal,
        ip=client_ip(request),
    )
    return Response(
        archive,
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="leerkring-person-{person.id}.zip"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/people/{person_id}/reflections/delete", response_class=HTMLResponse)
def delete_reflections(
    principal: MemberDep,
    request: Request,
    person: PrivacyPersonDep,
    db: DbDep,
    form: Annotated[ConfirmForm, Form()],
) -> Response:
    if not form.confirmed:
        return _privacy_page(request, db, principal, person, errors={"confirm": NOT_CONFIRMED})
    count = erasure.delete_reflections(db=db, person=person, actor=principal, ip=client_ip(request))
    toast = Toast(N_("Deleted reflections: %(count)s."), {"count": count})
    return with_toast(request, RedirectResponse(_path(person), 303), toast)


@router.get("/people/{person_id}/erase", response_class=HTMLResponse)
def erase_page(
    principal: FacilitatorDep, request: Request, person: PersonDep, db: DbDep
) -> HTMLResponse:
    return _erase_page(request, db, principal, person)


def _erase_page(
    request: Request,
    db: DbDep,
    principal: Principal,
    person: Person,
    *,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "privacy/erase.html",
        {
            "person": person,
            "plan": erasure.erasure_plan(db=db, person=person),
            "is_self": principal.person_id == person.id,
            "errors": errors or {},
        },
        status_code=status_code,
    )


@router.post("/people/{person_id}/erase", response_class=HTMLResponse)
def erase(
    principal: FacilitatorDep,
    request: Request,
    person: PersonDep,
    db: DbDep,
    form: Annotated[ConfirmForm, Form()],
) -> Response:
    if not form.confirmed:
        errors = {"confirm": NOT_CONFIRMED}
        return _erase_page(request, db, principal, person, errors=errors, status_code=422)
    plan = erasure.erase_person(db=db, person=person, actor=principal, ip=client_ip(request))
    toast = Toast(N_("Erased: the record is now called %(label)s."), {"label": plan.label})
    return with_toast(request, RedirectResponse(f"/people/{person.id}", 303), toast)
