"""Side-by-side comparison (/community/compare, everyone signed in; the choice is in the query
string so a comparison is a link to share) and the facilitator confirming or removing a link
between one initiative's good practice and another's barrier (htmx in place, or a redirect)."""

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.auth import policy
from app.auth.dependencies import FacilitatorDep, MemberDep
from app.auth.principal import Principal
from app.comparison import links, service
from app.comparison.schemas import (
    COMPARE_MESSAGES,
    LINK_MESSAGES,
    CompareChoice,
    CompareForm,
    LinkForm,
)
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import InvalidInputError
from app.forms import field_errors, invalid_fields
from app.labels import N_
from app.templating import render
from app.vocabulary import PartnershipCondition
from app.web import Toast, client_ip, is_htmx, with_toast

router = APIRouter(include_in_schema=False)

TEMPLATE = "comparison/compare.html"
PATH = "/community/compare"
FINDER_FROM = 12  # more initiatives than this: a field to find one by name
STALE_COMPARISON = N_("This form belongs to a comparison that is not valid. Open it again.")
INVALID_LINK = N_("This good practice and barrier cannot be linked.")


def compare_url(choice: CompareChoice, anchor: str = "") -> str:
    query = [("condition", choice.condition.value)]
    query += [("initiative", str(i)) for i in choice.initiative]
    if choice.session_id is not None:
        query.append(("session_id", str(choice.session_id)))
    return f"{PATH}?{urlencode(query)}{anchor}"


def _context(
    db: DbDep,
    principal: Principal,
    form: CompareForm,
    *,
    link_errors: dict[str, dict[str, str]] | None = None,
    link_values: dict[str, str] | None = None,
) -> tuple[dict[str, Any], int]:
    """The page's context and status: the form, and the comparison once the form is sent."""
    community_id = principal.community_id
    sessions = service.sessions_to_choose(
        db=db, community_id=community_id, session_scope=policy.session_scope(principal)
    )
    errors: dict[str, str] = {}
    comparison = None
    choice = None
    if form.sent:
        try:
            choice = form.to_choice()
        except ValidationError as error:
            errors = field_errors(error, COMPARE_MESSAGES)
        else:
            comparison = service.compare(
                db=db,
                community_id=community_id,
                choice=choice,
                sessions=sessions,
                with_candidates=policy.is_facilitator(principal),
            )
            if comparison.learning_session is not None:
                # The link to share names the session: it keeps showing the same factsheets.
                choice = choice.model_copy(update={"session_id": comparison.learning_session.id})
    session_value = form.session_id.strip() or (str(sessions[0].id) if sessions else "")
    # Opened from an initiative's page (one initiative ticked): its confirmed links.
    ticked = [int(v) for v in form.ticked() if v.isdigit() and int(v) <= MAX_ID]
    own_links = (
        links.initiative_links(
            db=db,
            community_id=community_id,
            initiative_id=ticked[0],
            session_scope=policy.session_scope(principal),
        )
        if not form.sent and len(ticked) == 1
        else []
    )
    initiatives = [
        (str(i), name)
        for i, name in service.initiatives_to_choose(db=db, community_id=community_id)
    ]
    context = {
        "form": form,
        "errors": errors,
        "initiatives": form.found(initiatives),
        "finder": len(initiatives) > FINDER_FROM,
        "ticked": form.ticked(),
        "conditions": list(PartnershipCondition),
        "sessions": [(str(s.id), s.number) for s in sessions],
        "session_value": session_value,
        "comparison": comparison,
        "choice": choice,
        "share_url": compare_url(choice) if comparison is not None and choice else "",
        "can_confirm": policy.is_facilitator(principal),
        "link_errors": link_errors or {},
        "link_values": link_values or {},
        "changed": False,
        "own_links": own_links,
        "own_name": next((name for i, name in initiatives if ticked and i == str(ticked[0])), ""),
    }
    return context, 422 if errors else 200


@router.get(PATH, response_class=HTMLResponse)
def compare_page(
    principal: MemberDep,
    request: Request,
    db: DbDep,
    form: Annotated[CompareForm, Query()],
) -> HTMLResponse:
    context, status_code = _context(db, principal, form)
    return render(request, TEMPLATE, context, status_code=status_code)


def _state(form: CompareForm) -> CompareChoice:
    """The comparison a link form was posted from (hidden fields): needed to show it again."""
    try:
        return form.to_choice()
    except ValidationError:
        raise InvalidInputError(STALE_COMPARISON) from None


def _links_changed(
    request: Request, db: DbDep, principal: Principal, form: CompareForm, toast: Toast
) -> Response:
    """htmx: the links region of the comparison again, with the toast; else back to it."""
    choice = _state(form)
    if not is_htmx(request):
        redirect = RedirectResponse(compare_url(choice, "#practice-links"), status_code=303)
        return with_toast(request, redirect, toast)
    context, _ = _context(db, principal, form)
    context["changed"] = True  # focus moves to the region's heading (htmx honours autofocus)
    return render(request, TEMPLATE, context, block="links", toast=toast)


@router.post(f"{PATH}/links", response_class=HTMLResponse)
def confirm_link(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    form: Annotated[LinkForm, Form()],
) -> Response:
    _state(form)
    try:
        data = form.to_link()
    except ValidationError as error:
        if set(invalid_fields(error)) - {"reason"}:
            raise InvalidInputError(INVALID_LINK) from None
        key = form.candidate_key
        context, _ = _context(
            db,
            principal,
            form,
            link_errors={key: field_errors(error, LINK_MESSAGES)},
            link_values={key: form.reason},
        )
        return render(request, TEMPLATE, context, status_code=422, block="links")
    links.confirm_link(db=db, data=data, actor=principal, ip=client_ip(request))
    return _links_changed(request, db, principal, form, Toast(N_("The link is confirmed.")))


@router.post(f"{PATH}/links/{{link_id}}/remove", response_class=HTMLResponse)
def remove_link(
    principal: FacilitatorDep,
    request: Request,
    db: DbDep,
    link_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    form: Annotated[CompareForm, Form()],
) -> Response:
    _state(form)
    links.remove_link(db=db, link_id=link_id, actor=principal, ip=client_ip(request))
    return _links_changed(request, db, principal, form, Toast(N_("The link is removed.")))
