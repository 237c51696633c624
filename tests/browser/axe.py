"""axe-core in a Playwright page, and the main pages with the role that may see each.

axe-core comes from the npm registry (`make install-test` puts it in node_modules/). The app's
Content-Security-Policy forbids inline and foreign scripts, so contexts that inject axe are
opened with `bypass_csp=True`; nothing else about the page changes.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize
from sqlmodel import Session, col, select

from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.monitoring.models import MonitoringIndicator
from app.people.models import Person

PROJECT_ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
DEMO_PASSWORD = "leerkring-demo-2026"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SEVERE = ("serious", "critical")

ROLE_EMAILS = {
    "facilitator": "facilitator@demo.leerkring.nl",
    "chair": "chair@demo.leerkring.nl",
    "researcher": "researcher@demo.leerkring.nl",
    "practitioner": "practitioner.leiden@demo.leerkring.nl",
    "policymaker": "policymaker.leiden@demo.leerkring.nl",
    "family": "family@demo.leerkring.nl",
}


@dataclass(frozen=True)
class MainPage:
    name: str  # used in test ids and screenshot file names
    path: str  # with {names} of the demo ids (demo_ids) filled in when the page is opened
    role: str | None  # None: signed out

    def url(self, ids: dict[str, int]) -> str:
        return self.path.format(**ids)


DEMO_INITIATIVE = "Gezinsteam Plus Leidse Regio"


def demo_ids(db: Session) -> dict[str, int]:
    """The demo objects the main pages open, found by what they are, not by a row number."""
    initiative = db.exec(select(Initiative).where(Initiative.name == DEMO_INITIATIVE)).one()
    sessions = {s.number: s.id or 0 for s in db.exec(select(LearningSession))}
    factsheet = db.exec(
        select(Factsheet)
        .where(Factsheet.initiative_id == initiative.id, Factsheet.session_id == sessions[2])
        .order_by(col(Factsheet.version_number))
    ).first()
    facilitator = db.exec(select(Person).where(Person.email == ROLE_EMAILS["facilitator"])).one()
    family = db.exec(select(Person).where(Person.email == ROLE_EMAILS["family"])).one()
    assert factsheet is not None, "the demo has a factsheet of the held session 2"
    indicator = db.exec(
        select(MonitoringIndicator)
        .where(MonitoringIndicator.initiative_id == initiative.id)
        .order_by(col(MonitoringIndicator.name))
    ).first()
    assert indicator is not None, "the demo's initiative has indicators"
    others = dict(db.exec(select(Initiative.name, Initiative.id)).all())
    return {
        "drechtsteden": others["Samen1Plan Drechtsteden"] or 0,
        "groningen": others["IST Groningen-Ommelanden"] or 0,
        "indicator": indicator.id or 0,
        "initiative": initiative.id or 0,
        "held_session": sessions[2],
        "next_session": sessions[3],
        "planned_session": sessions[4],
        "factsheet": factsheet.id or 0,
        "person": facilitator.id or 0,
        "family_person": family.id or 0,
    }


# In the demo: the initiative is Gezinsteam Plus Leidse Regio, session 2 was held, session 3 is
# being prepared, the factsheet is the initiative's of session 2, the person the facilitator.
MAIN_PAGES = [
    # Self-assessment: a member's form for session 4 (nothing scored yet), session 3's results
    # with their notes, the condition profiles of session 3, and one initiative's profile.
    MainPage(
        "self-assessment",
        "/initiatives/{initiative}/self-assessment?session_id={planned_session}",
        "practitioner",
    ),
    MainPage("self-assessment-results", "/initiatives/{initiative}/self-assessment", "policymaker"),
    MainPage("profiles", "/community/profiles", "policymaker"),
    MainPage("initiative-profile", "/initiatives/{initiative}/profile", "policymaker"),
    MainPage("home-facilitator", "/", "facilitator"),
    MainPage("home-family", "/", "family"),
    MainPage("initiatives", "/initiatives", "facilitator"),
    MainPage("continuity", "/continuity", "facilitator"),
    MainPage("contributions", "/sessions/{next_session}/contributions", "facilitator"),
    MainPage("prepare", "/sessions/{next_session}/prepare", "chair"),
    MainPage("agenda", "/sessions/{held_session}/agenda", "practitioner"),
    MainPage("agenda-family", "/sessions/{held_session}/agenda", "family"),
    MainPage("minutes", "/sessions/{held_session}/minutes", "facilitator"),
    # The demo's family representative (Ingrid Smit) writes for session 3, which she attends.
    MainPage("reflect-family", "/sessions/{next_session}/reflect", "family"),
    # Session 2's evaluation has closed: the survey shows the practitioner's answers and why.
    MainPage("evaluation", "/sessions/{held_session}/evaluation", "practitioner"),
    MainPage("evaluation-results", "/sessions/{held_session}/evaluation/results", "facilitator"),
    MainPage("initiative-new", "/initiatives/new", "facilitator"),
    MainPage("initiative", "/initiatives/{initiative}", "facilitator"),
    MainPage("initiative-edit", "/initiatives/{initiative}/edit", "facilitator"),
    MainPage("initiative-evidence", "/initiatives/{initiative}/evidence", "researcher"),
    MainPage("initiative-factsheets", "/initiatives/{initiative}/factsheets", "researcher"),
    MainPage("factsheet", "/factsheets/{factsheet}", "researcher"),
    MainPage("people", "/people", "facilitator"),
    MainPage("person", "/people/{person}", "facilitator"),
    MainPage("person-new", "/people/new", "facilitator"),
    MainPage("session", "/sessions/{held_session}", "facilitator"),
    MainPage("session-new", "/sessions/new", "facilitator"),
    MainPage("session-attendance", "/sessions/{held_session}/attendance", "facilitator"),
    MainPage("session-factsheets", "/sessions/{held_session}/factsheets", "facilitator"),
    MainPage("session-actions", "/sessions/{held_session}/actions", "facilitator"),
    MainPage("initiative-actions", "/initiatives/{initiative}/actions", "facilitator"),
    MainPage("invitations", "/community/invitations", "facilitator"),
    MainPage("outbox", "/community/outbox", "facilitator"),
    MainPage("access-links", "/community/access-links", "facilitator"),
    MainPage("accounts", "/community/accounts", "facilitator"),
    MainPage("audit", "/community/audit", "facilitator"),
    MainPage("account-password", "/account/password", "facilitator"),
    MainPage("account-api-tokens", "/account/api-tokens", "facilitator"),
    MainPage("sign-in", "/sign-in", None),
    MainPage("password-reset", "/password-reset", None),
    # Session 2's report, published in the demo: the facilitator's view, and a participant's.
    MainPage("report", "/sessions/{held_session}/report", "facilitator"),
    MainPage("report-practitioner", "/sessions/{held_session}/report", "practitioner"),
    # What was done with the held session's reflections (Ingrid Smit's was discussed), the
    # evidence the session can give, and her page of that session with what came of it.
    MainPage("reflections-follow-up", "/sessions/{held_session}/reflections", "facilitator"),
    MainPage("session-evidence", "/sessions/{held_session}/evidence", "researcher"),
    MainPage("reflect-family-held", "/sessions/{held_session}/reflect", "family"),
    # A person's data: Ingrid Smit's own page, and the facilitator's erasure confirmation.
    MainPage("privacy-family", "/people/{family_person}/privacy", "family"),
    MainPage("erase", "/people/{family_person}/erase", "facilitator"),
    # Monitoring indicators: the initiative's list with small run charts, one indicator's run
    # chart with its forms (a member of the initiative), the form, the same indicator compared.
    MainPage("indicators", "/initiatives/{initiative}/indicators", "practitioner"),
    MainPage("indicator", "/indicators/{indicator}", "practitioner"),
    MainPage("indicator-new", "/initiatives/{initiative}/indicators/new", "practitioner"),
    MainPage(
        "indicators-compare",
        "/indicators/compare?name=Families with one shared plan",
        "policymaker",
    ),
    # Exports for research: the facilitator's form, and a practitioner-researcher's.
    MainPage("exports", "/community/exports", "facilitator"),
    MainPage("exports-researcher", "/community/exports", "researcher"),
    # Side by side on roles: the confirmed link for everyone, the candidates for the facilitator.
    MainPage(
        "compare",
        "/community/compare?condition=roles&initiative={initiative}&initiative={drechtsteden}"
        "&initiative={groningen}",
        "facilitator",
    ),
    MainPage(
        "compare-policymaker",
        "/community/compare?condition=roles&initiative={initiative}&initiative={drechtsteden}",
        "policymaker",
    ),
    # The community overview: session 2's grid, every session's trends, one cell read in full.
    MainPage("overview", "/community/overview", "policymaker"),
    MainPage("overview-all-sessions", "/community/overview/all-sessions", "policymaker"),
    MainPage(
        "overview-cell",
        "/community/overview/{initiative}/financing?session_id={held_session}",
        "policymaker",
    ),
]

WIDTHS: dict[int, ViewportSize] = {
    1280: {"width": 1280, "height": 900},
    375: {"width": 375, "height": 740},
}


def sign_in(page: Page, base: str, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{base}/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)


def signed_in_state(browser: Browser, base: str, role: str) -> dict[str, Any]:
    """Cookies of a fresh sign-in, to open any number of contexts as that role."""
    context = browser.new_context()
    try:
        sign_in(context.new_page(), base, ROLE_EMAILS[role])
        state: dict[str, Any] = context.storage_state()  # type: ignore[assignment]
        return state
    finally:
        context.close()


def new_context(
    browser: Browser, width: int, state: dict[str, Any] | None, *, bypass_csp: bool = False
) -> BrowserContext:
    phone = width < 600
    return browser.new_context(
        viewport=WIDTHS[width],
        is_mobile=phone,
        has_touch=phone,
        storage_state=state,  # type: ignore[arg-type]
        bypass_csp=bypass_csp,
    )


class RoleStates:
    """One sign-in per role for the whole run; contexts reuse its cookies."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.browser, self.base = browser, base
        self.states: dict[str, dict[str, Any]] = {}

    def __call__(self, role: str | None) -> dict[str, Any] | None:
        if role is None:
            return None
        if role not in self.states:
            self.states[role] = signed_in_state(self.browser, self.base, role)
        return self.states[role]


def open_tab(
    tabs: dict[tuple[str | None, int], Page], states: RoleStates, role: str | None, width: int
) -> Page:
    """The module's one tab of this role and width, opened the first time it is asked for."""
    key = (role, width)
    if key not in tabs:
        # bypass_csp: the CSP forbids the injected axe-core script (see the module's docstring).
        context = new_context(states.browser, width, states(role), bypass_csp=True)
        tabs[key] = context.new_page()
    return tabs[key]


def serious_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG 2 A/AA violations of impact serious or critical on the current page.

    The page's context must be opened with `bypass_csp=True`: the CSP would refuse the script.
    """
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"][:3]],
            "count": len(violation["nodes"]),
        }
        for violation in results["violations"]
        if violation["impact"] in SEVERE
    ]


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"  {v['impact']} {v['id']}: {v['help']} ({v['count']} nodes, e.g. {v['targets']})"
        for v in violations
    )
