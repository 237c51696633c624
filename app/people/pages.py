"""People pages: the directory, a person's page, adding and editing people, and their roles."""

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.audit.dependencies import SensitiveReadDep
from app.auth import policy
from app.auth.dependencies import FacilitatorDep, MemberDep, PeopleDirectoryDep
from app.auth.principal import Principal
from app.deps import DbDep, PaginationDep
from app.errors import ConflictError, InvalidInputError, StaleVersionError
from app.forms import field_errors, invalid_fields
from app.i18n import LANGUAGES
from app.labels import N_
from app.memberships import service as membership_service
from app.people import service
from app.people.dependencies import MembershipDep, PersonDep, ReadablePersonDep
from app.people.models import Person
from app.people.schemas import MEMBERSHIP_MESSAGES, MembershipForm, PeopleFilter, PersonForm
from app.templating import render
from app.vocabulary import IntegrationLevel, Perspective, PreferredFormat, Role
from app.web import client_ip, is_htmx, safe_local_path

router = APIRouter(include_in_schema=False)

FormText = Annotated[str, Form()]
FilterValue = Annotated[str, Query()]
SearchText = Annotated[str, Query(max_length=200)]
INITIATIVE_CHOICES = service.SEARCH_LIMIT

PERSON_MESSAGES: dict[str, str] = {
    "name": N_("Enter a name (at most 200 characters)."),
    "organisation": N_("Enter an organisation of at most 200 characters."),
    "email": N_("Enter an email address like name@example.org."),
    "accessibility_needs": N_("Describe the accessibility needs in at most 1000 characters."),
    "preferred_format": N_("Choose a preferred format."),
    "language": N_("Choose the language of the emails they get: English or Nederlands."),
    "shares_needs_with_chair": N_("Tick the box to share the needs with the chair, or leave it."),
}
FILTER_MESSAGES: dict[str, str] = {
    "text": N_("Search for at most 200 characters."),
    "role": N_("Choose one of the roles."),
}
DUPLICATE_EMAIL = N_("Someone with this email address is in Leerkring already.")


def _vocabularies() -> dict[str, Any]:
    return {
        "roles": list(Role),
        "perspectives": list(Perspective),
        "levels": list(IntegrationLevel),
        "formats": list(PreferredFormat),
        "email_languages": list(LANGUAGES.items()),
    }


# -- the directory -----------------------------------------------------------------------------


@router.get("/people", response_class=HTMLResponse)
def people_list(
    principal: PeopleDirectoryDep,
    request: Request,
    db: DbDep,
    pagination: PaginationDep,
    text: FilterValue = "",
    role: FilterValue = "",
) -> HTMLResponse:
    chosen = {"text": text, "role": role}
    errors: dict[str, str] = {}
    people: list[Person] = []
    roles: dict[int, list[service.HeldRole]] = {}
    total = 0
    try:
        people_filter = PeopleFilter.model_validate(
            {name: value for name, value in chosen.items() if value.strip()}
        )
    except ValidationError as error:
        errors = field_errors(error, FILTER_MESSAGES)
    else:
        found, total = service.search_people(
            db=db,
            community_id=principal.community_id,
            people_filter=people_filter,
            offset=pagination.offset,
            limit=pagination.per_page,
        )
        people = list(found)
        roles = service.roles_of(db=db, person_ids=[p.id for p in people if p.id])
    return render(
        request,
        "people/list.html",
        {
            "people": people,
            "roles_by_person": roles,
            "total": total,
            "pagination": pagination,
            "chosen": chosen,
            "errors": errors,
            "filtered": any(value.strip() for value in chosen.values()),
            "can_manage": principal.is_facilitator,
            **_vocabularies(),
        },
        status_code=422 if errors else 200,
        block="results",
    )


# -- adding and editing a person ---------------------------------------------------------------


def _person_form(
    request: Request,
    *,
    form: PersonForm,
    errors: dict[str, str],
    person: Person | None = None,
    stale: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "people/form.html",
        {"form": form, "errors": errors, "person": person, "stale": stale, **_vocabularies()},
        status_code=status_code,
    )


@router.get("/people/new", response_class=HTMLResponse)
def new_person(_access: FacilitatorDep, request: Request) -> HTMLResponse:
    return _person_form(request, form=PersonForm.new(), errors={})


@router.post("/people", response_class=HTMLResponse)
def create_person(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    form: Annotated[PersonForm, Form()],
) -> Response:
    try:
        data = form.to_create()
    except ValidationError as error:
        errors = field_errors(error, PERSON_MESSAGES)
        return _person_form(request, form=form, errors=errors, status_code=422)
    try:
        person = service.create_person(db=db, community_id=principal.community_id, data=data)
    except ConflictError:
        return _person_form(request, form=form, errors={"email": DUPLICATE_EMAIL}, status_code=409)
    return RedirectResponse(f"/people/{person.id}", status_code=303)


@router.get("/people/{person_id}/edit", response_class=HTMLResponse)
def edit_person(_access: FacilitatorDep, request: Request, person: PersonDep) -> HTMLResponse:
    return _person_form(request, form=PersonForm.of(person), errors={}, person=person)


@router.post("/people/{person_id}/edit", response_class=HTMLResponse)
def update_person(
    _access: FacilitatorDep,
    request: Request,
    person: PersonDep,
    db: DbDep,
    form: Annotated[PersonForm, Form()],
) -> Response:
    # Keep what was typed; the current version lets a second save replace theirs knowingly.
    current = form.model_copy(update={"version": str(person.version)})
    try:
        data = form.to_update()
    except ValidationError as error:
        errors = field_errors(error, PERSON_MESSAGES)
        if "version" in invalid_fields(error):
            return _person_form(
                request, form=current, errors=errors, person=person, stale=True, status_code=409
            )
        return _person_form(request, form=form, errors=errors, person=person, status_code=422)
    try:
        service.update_person(db=db, person=person, data=data)
    except StaleVersionError:
        return _person_form(
            request, form=current, errors={}, person=person, stale=True, status_code=409
        )
    except ConflictError:
        return _person_form(
            request, form=form, errors={"email": DUPLICATE_EMAIL}, person=person, status_code=409
        )
    return RedirectResponse(f"/people/{person.id}", status_code=303)


# -- a person's page ---------------------------------------------------------------------------


def _initiative_choices(db: DbDep, person: Person, query: str, chosen_id: str) -> dict[str, Any]:
    """A page of initiatives found by name, never the whole community; with the one chosen
    in a refused form, so that it stays selected."""
    found = service.search_initiatives(
        db=db,
        community_id=person.community_id,
        query=query,
        limit=INITIATIVE_CHOICES + 1,
    )
    initiatives = found[:INITIATIVE_CHOICES]
    chosen = service.community_initiative(
        db=db, community_id=person.community_id, initiative_id=chosen_id
    )
    if chosen is not None and chosen.id not in {i.id for i in initiatives}:
        initiatives.insert(0, chosen)
    return {"initiatives": initiatives, "more_initiatives": len(found) > INITIATIVE_CHOICES}


def _person_page(
    request: Request,
    principal: Principal,
    person: Person,
    db: DbDep,
    *,
    role_form: MembershipForm | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
    initiative_q: str = "",
) -> HTMLResponse:
    assert person.id is not None
    chosen = role_form or MembershipForm()
    held = service.roles_of(db=db, person_ids=[person.id])[person.id]
    initiative_ids = {
        h.membership.initiative_id for h in held if h.membership.initiative_id is not None
    }
    return render(
        request,
        "people/detail.html",
        {
            "person": person,
            "held": held,
            "attendances": service.sessions_of(db=db, person_id=person.id),
            "shows_contact": policy.sees_contact_details(principal, person.id, initiative_ids),
            "shows_needs": policy.sees_accessibility_needs(
                principal, person.id, shared=person.shares_needs_with_chair
            ),
            "shows_directory_link": policy.reads_people_directory(principal),
            "can_manage": policy.is_facilitator(principal),
            **(
                _initiative_choices(db, person, initiative_q, chosen.initiative_id)
                if policy.is_facilitator(principal)
                else {"initiatives": [], "more_initiatives": False}
            ),
            "initiative_q": initiative_q.strip(),
            "role_form": chosen,
            "errors": errors or {},
            **_vocabularies(),
        },
        status_code=status_code,
    )


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_page(
    principal: MemberDep,
    request: Request,
    person: ReadablePersonDep,
    db: DbDep,
    audit_read: SensitiveReadDep,
    initiative_q: SearchText = "",
) -> HTMLResponse:
    # Only the directory's readers open someone else's page, and it shows contact details.
    if person.id != principal.person_id:
        audit_read(f"contact details of person #{person.id}")
    return _person_page(request, principal, person, db, initiative_q=initiative_q)


@router.get("/people/{person_id}/initiative-search", response_class=HTMLResponse)
def initiative_search(
    _access: FacilitatorDep,
    request: Request,
    person: PersonDep,
    db: DbDep,
    initiative_q: SearchText = "",
) -> Response:
    """The "add a role" initiatives for htmx; without it, the person's page shows them."""
    query = initiative_q.strip()
    if not is_htmx(request):
        found = f"?{urlencode({'initiative_q': query})}" if query else ""
        return RedirectResponse(f"/people/{person.id}{found}#add-role", status_code=303)
    return render(
        request,
        "people/detail.html",
        {
            "person": person,
            "errors": {},
            "role_form": MembershipForm(),
            "initiative_q": query,
            **_initiative_choices(db, person, query, ""),
        },
        block="initiative_choices",
    )


# -- roles -------------------------------------------------------------------------------------


@router.post("/people/{person_id}/memberships", response_class=HTMLResponse)
def add_role(
    principal: FacilitatorDep,
    request: Request,
    person: PersonDep,
    db: DbDep,
    form: Annotated[MembershipForm, Form()],
) -> Response:
    assert person.id is not None
    try:
        data = form.to_create(person_id=person.id)
    except ValidationError as error:
        errors = field_errors(error, MEMBERSHIP_MESSAGES)
        return _person_page(
            request, principal, person, db, role_form=form, errors=errors, status_code=422
        )
    try:
        membership_service.grant_role(
            db=db,
            community_id=principal.community_id,
            data=data,
            actor=principal,
            ip=client_ip(request),
        )
    except (ConflictError, InvalidInputError) as refused:
        return _person_page(
            request,
            principal,
            person,
            db,
            role_form=form,
            errors={problem.field: problem.message for problem in refused.problems},
            status_code=refused.status_code,
        )
    return RedirectResponse(f"/people/{person.id}#roles", status_code=303)


@router.post("/memberships/{membership_id}/delete")
def remove_role(
    principal: FacilitatorDep,
    request: Request,
    membership: MembershipDep,
    db: DbDep,
    next: FormText = "",
) -> RedirectResponse:
    back = safe_local_path(next, f"/people/{membership.person_id}")
    membership_service.revoke_role(
        db=db, membership=membership, actor=principal, ip=client_ip(request)
    )
    return RedirectResponse(back, status_code=303)
