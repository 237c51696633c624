"""Initiative pages: the filtered list, create and edit forms, archiving, one initiative and
adding its members."""

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.auth import policy
from app.auth.dependencies import FacilitatorDep, MemberDep
from app.deps import DbDep, PaginationDep
from app.errors import ConflictError, InvalidInputError, StaleVersionError
from app.forms import field_errors
from app.i18n import translations
from app.initiatives import service
from app.initiatives.dependencies import InitiativeDep
from app.initiatives.models import Initiative
from app.initiatives.schemas import InitiativeFilter, InitiativeForm
from app.labels import N_
from app.memberships import service as membership_service
from app.people import service as people_service
from app.people.models import Person
from app.people.schemas import MEMBERSHIP_MESSAGES, MembershipForm
from app.templating import render
from app.vocabulary import INITIATIVE_ROLES, FundingArrangement, IntegrationLevel, Perspective
from app.web import client_ip, is_htmx, safe_local_path

router = APIRouter(prefix="/initiatives", include_in_schema=False)

FIELD_MESSAGES: dict[str, str] = {
    "name": N_("Enter a name (at most 200 characters)."),
    "target_group": N_("Describe the target group in at most 4000 characters."),
    "funding_arrangement": N_("Choose a funding arrangement."),
    "funding_notes": N_("Keep the funding notes to at most 4000 characters."),
    "monitoring_approach": N_("Describe the monitoring approach in at most 4000 characters."),
    "municipalities": N_("Enter at most 20 municipalities of at most 120 characters each."),
    "disciplines": N_("Enter at most 20 disciplines of at most 120 characters each."),
    "version": N_("Reload the page and apply your change again."),
}
FILTER_MESSAGES: dict[str, str] = {
    "q": N_("Search for at most 200 characters."),
    "municipality": N_("Choose one of the municipalities."),
    "funding_arrangement": N_("Choose one of the funding arrangements."),
    "discipline": N_("Choose one of the disciplines."),
}
DUPLICATE_NAME = N_("Another initiative in this community has this name. Choose a different name.")

FilterValue = Annotated[str, Query()]
SearchText = Annotated[str, Query(max_length=200)]
MEMBER_CHOICES = people_service.SEARCH_LIMIT


# -- the list ----------------------------------------------------------------------------------


@router.get("", response_class=HTMLResponse)
def initiative_list(
    principal: MemberDep,
    request: Request,
    db: DbDep,
    pagination: PaginationDep,
    q: FilterValue = "",
    municipality: FilterValue = "",
    funding_arrangement: FilterValue = "",
    discipline: FilterValue = "",
    show_archived: FilterValue = "",
) -> HTMLResponse:
    chosen = {
        "q": q,
        "municipality": municipality,
        "funding_arrangement": funding_arrangement,
        "discipline": discipline,
        "show_archived": show_archived,
    }
    errors: dict[str, str] = {}
    initiatives: list[Initiative] = []
    total = 0
    try:
        initiative_filter = InitiativeFilter.model_validate(
            {name: value for name, value in chosen.items() if value.strip()}
        )
    except ValidationError as error:
        errors = field_errors(error, FILTER_MESSAGES)
    else:
        found, total = service.search_initiatives(
            db=db,
            community_id=principal.community_id,
            initiative_filter=initiative_filter,
            offset=pagination.offset,
            limit=pagination.per_page,
        )
        initiatives = list(found)
    counts = service.member_counts(
        db=db, initiative_ids=[i.id for i in initiatives if i.id is not None]
    )
    return render(
        request,
        "initiatives/list.html",
        {
            "initiatives": initiatives,
            "member_counts": counts,
            "total": total,
            "pagination": pagination,
            "chosen": chosen,
            "errors": errors,
            "filtered": any(value.strip() for value in chosen.values()),
            "municipalities": service.community_municipalities(
                db=db, community_id=principal.community_id
            ),
            "disciplines": service.community_disciplines(
                db=db, community_id=principal.community_id
            ),
            "funding_arrangements": list(FundingArrangement),
            "can_manage": policy.is_facilitator(principal),
        },
        status_code=422 if errors else 200,
        block="results",
    )


# -- create and edit ---------------------------------------------------------------------------


def _form_page(
    request: Request,
    *,
    form: InitiativeForm,
    errors: dict[str, str],
    initiative: Initiative | None = None,
    dependants: list[str] | None = None,
    stale: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "initiatives/form.html",
        {
            "initiative": initiative,
            "form": form,
            "errors": errors,
            "stale": stale,
            "dependants": dependants or [],
            "funding_arrangements": list(FundingArrangement),
        },
        status_code=status_code,
    )


@router.get("/new", response_class=HTMLResponse)
def new_initiative(_access: FacilitatorDep, request: Request) -> HTMLResponse:
    return _form_page(request, form=InitiativeForm(), errors={})


@router.post("", response_class=HTMLResponse)
def create_initiative(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    form: Annotated[InitiativeForm, Form()],
) -> Response:
    try:
        data = form.to_create()
    except ValidationError as error:
        errors = field_errors(error, FIELD_MESSAGES)
        return _form_page(request, form=form, errors=errors, status_code=422)
    try:
        initiative = service.create_initiative(
            db=db, community_id=principal.community_id, data=data
        )
    except ConflictError:
        errors = {"name": DUPLICATE_NAME}
        return _form_page(request, form=form, errors=errors, status_code=409)
    return RedirectResponse(f"/initiatives/{initiative.id}", status_code=303)


@router.get("/{initiative_id}/edit", response_class=HTMLResponse)
def edit_initiative(
    _access: FacilitatorDep, request: Request, initiative: InitiativeDep, db: DbDep
) -> HTMLResponse:
    assert initiative.id is not None
    dependants = service.initiative_dependants(db=db, initiative_id=initiative.id)
    form = InitiativeForm.of(initiative)
    return _form_page(request, form=form, errors={}, initiative=initiative, dependants=dependants)


@router.post("/{initiative_id}/edit", response_class=HTMLResponse)
def update_initiative(
    _access: FacilitatorDep,
    request: Request,
    initiative: InitiativeDep,
    db: DbDep,
    form: Annotated[InitiativeForm, Form()],
) -> Response:
    assert initiative.id is not None
    dependants = service.initiative_dependants(db=db, initiative_id=initiative.id)
    try:
        data = form.to_update()
    except ValidationError as error:
        errors = field_errors(error, FIELD_MESSAGES)
        return _form_page(
            request,
            form=form,
            errors=errors,
            initiative=initiative,
            dependants=dependants,
            status_code=422,
        )
    try:
        service.update_initiative(db=db, initiative=initiative, data=data)
    except StaleVersionError:
        # Keep what was typed; the current version lets a second save replace theirs knowingly.
        form = form.model_copy(update={"version": str(initiative.version)})
        return _form_page(
            request,
            form=form,
            errors={},
            initiative=initiative,
            dependants=dependants,
            stale=True,
            status_code=409,
        )
    except ConflictError:
        return _form_page(
            request,
            form=form,
            errors={"name": DUPLICATE_NAME},
            initiative=initiative,
            dependants=dependants,
            status_code=409,
        )
    return RedirectResponse(f"/initiatives/{initiative.id}", status_code=303)


# -- archive, restore, delete ------------------------------------------------------------------


@router.post("/{initiative_id}/archive")
def archive_initiative(
    _access: FacilitatorDep, initiative: InitiativeDep, db: DbDep
) -> RedirectResponse:
    service.archive_initiative(db=db, initiative=initiative)
    return RedirectResponse(f"/initiatives/{initiative.id}", status_code=303)


@router.post("/{initiative_id}/unarchive")
def unarchive_initiative(
    _access: FacilitatorDep, initiative: InitiativeDep, db: DbDep
) -> RedirectResponse:
    service.restore_initiative(db=db, initiative=initiative)
    return RedirectResponse(f"/initiatives/{initiative.id}", status_code=303)


@router.post("/{initiative_id}/delete")
def delete_initiative(
    _access: FacilitatorDep, initiative: InitiativeDep, db: DbDep
) -> RedirectResponse:
    service.delete_initiative(db=db, initiative=initiative)
    return RedirectResponse("/initiatives", status_code=303)


# -- one initiative ----------------------------------------------------------------------------


def _member_choices(db: DbDep, initiative: Initiative, query: str) -> tuple[list[Person], bool]:
    """People to add as a member, found by name: a page never lists the whole community."""
    found = people_service.find_people(
        db=db,
        community_id=initiative.community_id,
        query=query,
        limit=MEMBER_CHOICES + 1,
        exclude_initiative_id=initiative.id,
    )
    return found[:MEMBER_CHOICES], len(found) > MEMBER_CHOICES


@router.get("/{initiative_id}", response_class=HTMLResponse)
def initiative_page(
    principal: MemberDep,
    request: Request,
    initiative: InitiativeDep,
    db: DbDep,
    member_q: SearchText = "",
) -> HTMLResponse:
    assert initiative.id is not None
    reads_drafts = policy.reads_initiative_drafts(principal, initiative.id)
    members = people_service.initiative_members(db=db, initiative_id=initiative.id)
    overview = service.initiative_overview(
        db=db,
        initiative_id=initiative.id,
        drafts_visible=reads_drafts,
        only_session_id=policy.session_scope(principal),
    )
    can_manage = policy.is_facilitator(principal)
    candidates, more = _member_choices(db, initiative, member_q) if can_manage else ([], False)
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "members": members,
            "overview": overview,
            "reads_drafts": reads_drafts,
            # Members' contact details here: a person's own page is for the directory's readers.
            "shows_contact": reads_drafts or policy.reads_people_directory(principal),
            "can_manage": can_manage,
            "candidates": candidates,
            "more_candidates": more,
            "member_q": member_q.strip(),
            "roles": INITIATIVE_ROLES,
            "perspectives": list(Perspective),
            "levels": list(IntegrationLevel),
        },
    )


@router.get("/{initiative_id}/member-search", response_class=HTMLResponse)
def member_search(
    _access: FacilitatorDep,
    request: Request,
    initiative: InitiativeDep,
    db: DbDep,
    member_q: SearchText = "",
) -> Response:
    """The "add a member" choices for htmx; without it, the initiative page shows them."""
    query = member_q.strip()
    if not is_htmx(request):
        found = f"?{urlencode({'member_q': query})}" if query else ""
        return RedirectResponse(f"/initiatives/{initiative.id}{found}#add-member", status_code=303)
    candidates, more = _member_choices(db, initiative, query)
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "candidates": candidates,
            "more_candidates": more,
            "member_q": query,
        },
        block="member_choices",
    )


# -- members ---------------------------------------------------------------------------------


@router.post("/{initiative_id}/members", response_class=HTMLResponse)
def add_member(
    principal: FacilitatorDep,
    request: Request,
    initiative: InitiativeDep,
    db: DbDep,
    form: Annotated[MembershipForm, Form()],
) -> Response:
    back = safe_local_path(form.next, f"/initiatives/{initiative.id}")
    try:
        data = form.to_create(initiative_id=initiative.id)
    except ValidationError as error:
        messages = list(dict.fromkeys(field_errors(error, MEMBERSHIP_MESSAGES).values()))
        return render(
            request,
            "people/membership_error.html",
            {"messages": messages, "back": back},
            status_code=422,
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
        return render(
            request,
            "people/membership_error.html",
            {
                "messages": [refused.translated(translations(request.state.language).gettext)],
                "back": back,
            },
            status_code=refused.status_code,
        )
    return RedirectResponse(back, status_code=303)
