"""A complete, realistic factsheet view for rendering tests and previews (no database)."""

import dataclasses
from datetime import UTC, date, datetime

from app.factsheets.document import (
    ActionView,
    DiffLine,
    FactsheetView,
    FamilyQuestion,
    MatrixCell,
    MemberView,
    Quote,
    SectionChange,
    SectionView,
    SessionHistoryItem,
)
from app.vocabulary import (
    ActionStatus,
    EvidenceSource,
    FactsheetStatus,
    FundingArrangement,
    IntegrationLevel,
    PartnershipCondition,
    PdsaStage,
    Perspective,
    Role,
    SessionStatus,
)

HOSTILE_EXCERPT = '<img src="file:///etc/passwd"> <script>alert(1)</script> & "quoted"'

C = PartnershipCondition
P = Perspective
L = IntegrationLevel
S = EvidenceSource


# The confirmed plain-language texts: all the plain PDF says about each condition.
PLAIN_TEXTS = {
    C.monitoring: "The team looks back on its work twice a year. Families are not asked "
    "what they think.",
    C.shared_vision: "Everyone wants one plan for each family. But each helper still starts "
    "from their own job.",
    C.roles: "Many families do not know who their contact person is.",
    C.financing: "The money for the team stops soon. Nobody has decided what comes next.",
}


def _sections(*, hostile_excerpt: bool) -> list[SectionView]:
    return [
        dataclasses.replace(section, plain_text=PLAIN_TEXTS[section.condition])
        for section in _professional_sections(hostile_excerpt=hostile_excerpt)
    ]


def _professional_sections(*, hostile_excerpt: bool) -> list[SectionView]:
    monitoring_quote = (
        HOSTILE_EXCERPT
        if hostile_excerpt
        else "Every six months we sit down with the case files and ask ourselves how it "
        "went. By then the family has long moved on, and so have we."
    )
    return [
        SectionView(
            condition=C.monitoring,
            analysis=(
                "The team evaluates its work only through six-monthly case reviews. "
                "These reviews are thorough, but they come too late to change the course "
                "of a support trajectory. Neither municipality receives figures it can use "
                "in its own planning cycle, and the pilot fund asks for none. Families are "
                "not asked how the support worked for them.\n\n"
                "Practitioners would welcome a short, shared set of measures, provided "
                "that it does not add a second registration to the four they already keep."
            ),
            facilitators=(
                "Case reviews are well attended and honest about what went wrong\n"
                "The GP mental-health assistant already keeps waiting times per practice"
            ),
            barriers=(
                "No shared outcome measures between Zwolle and Kampen\n"
                "Four registration systems, one per employing organisation\n"
                "Families are not asked for feedback"
            ),
            levels=[L.organisational, L.professional, L.clinical],
            quotes=[
                Quote(
                    text=monitoring_quote,
                    source=S.interview,
                    perspective=P.professional,
                    level=L.professional,
                    observed_on=date(2025, 9, 16),
                ),
                Quote(
                    text="For the council I can report how many families were seen. "
                    "Whether they are better off, I cannot say.",
                    source=S.interview,
                    perspective=P.local_government,
                    level=L.system,
                    observed_on=date(2025, 9, 23),
                ),
            ],
            change=SectionChange(
                previous_version=2,
                previous_session_number=2,
                lines=[
                    DiffLine("same", "The team evaluates its work through case reviews."),
                    DiffLine("removed", "Case reviews take place every quarter."),
                    DiffLine("added", "Case reviews now take place every six months only."),
                    DiffLine("added", "Families are not asked how the support worked for them."),
                ],
            ),
        ),
        SectionView(
            condition=C.shared_vision,
            analysis=(
                "All partners say they want one plan per family and one contact person. "
                "In case discussions, however, each discipline still frames the problem "
                "from its own mandate: the psychiatric nurse starts from the diagnosis, "
                "the youth social worker from the child's safety. Kampen stresses "
                "prevention, while Zwolle mainly wants fewer referrals to specialist care. "
                "The family representative asked the team to write its mission in words a "
                "parent would use."
            ),
            facilitators=(
                "A shared commitment to 'one family, one plan'\n"
                "Practitioners know each other well after two years of joint cases"
            ),
            barriers=(
                "Different expectations of Zwolle and Kampen\n"
                "The mission statement has never been discussed with families"
            ),
            levels=[L.system, L.professional],
            quotes=[
                Quote(
                    text="We all say the family is at the centre. But when the discussion "
                    "gets hard, we each go back to our own protocol.",
                    source=S.case_discussion_observation,
                    perspective=P.professional,
                    level=L.professional,
                    observed_on=date(2025, 10, 2),
                ),
                Quote(
                    text="I had to tell my story four times before someone said: "
                    "this is one problem, not four.",
                    source=S.interview,
                    perspective=P.family,
                    level=L.clinical,
                    observed_on=date(2025, 9, 30),
                ),
            ],
        ),
        SectionView(
            condition=C.roles,
            analysis=(
                "Each family has a named case coordinator, usually the youth social worker. "
                "Families do not always know who that is. The GP mental-health assistant "
                "often acts as an informal first contact, without time allocated for it. "
                "Who may decide on urgent referrals outside office hours is not written "
                "down anywhere."
            ),
            facilitators=(
                "A case coordinator is named for every family\n"
                "Short lines between the psychiatric nurse and the GP practices"
            ),
            barriers=(
                "Informal tasks of the GP mental-health assistant are invisible\n"
                "No agreement on urgent decisions outside office hours"
            ),
            levels=[L.organisational, L.professional, L.clinical],
            quotes=[
                Quote(
                    text="Who is my contact? I thought it was the doctor's assistant, "
                    "because she is the one who calls me back.",
                    source=S.interview,
                    perspective=P.family,
                    level=L.clinical,
                    observed_on=date(2025, 9, 30),
                ),
                Quote(
                    text="Everyone assumes someone else phones the school.",
                    source=S.learning_session_excerpt,
                    perspective=P.organisation,
                    level=L.organisational,
                    observed_on=date(2025, 6, 12),
                ),
                Quote(
                    text="In 11 of 24 reviewed cases the coordinator changed at least once.",
                    source=S.monitoring_data,
                    perspective=P.organisation,
                    level=L.organisational,
                    observed_on=date(2025, 9, 1),
                ),
            ],
        ),
        SectionView(
            condition=C.financing,
            analysis=(
                "The team is paid from a two-year pilot fund that ends on 31 December. "
                "There is no decision yet on structural funding. Both municipalities wait "
                "for evidence of results, which the current monitoring cannot provide. "
                "Two practitioners have started looking for other jobs. The uncertainty "
                "is visible in case discussions: new families are taken on with hesitation."
            ),
            facilitators=(
                "Both aldermen have said publicly that they value the team\n"
                "The health insurer is willing to discuss a pooled budget"
            ),
            barriers=(
                "The pilot fund ends on 31 December\n"
                "No agreement on who pays for the adult mental-health part\n"
                "Continuity of staff is at risk"
            ),
            levels=[L.system, L.organisational],
            quotes=[
                Quote(
                    text="If the money stops in December, who tells the families? "
                    "Nobody has asked that question yet.",
                    source=S.learning_session_excerpt,
                    perspective=P.organisation,
                    level=L.organisational,
                    observed_on=date(2025, 6, 12),
                ),
            ],
            change=SectionChange(
                previous_version=2,
                previous_session_number=2,
                lines=[
                    DiffLine("same", "The team is paid from a two-year pilot fund."),
                    DiffLine("removed", "Municipalities expect to decide on funding in spring."),
                    DiffLine("added", "There is no decision yet on structural funding."),
                    DiffLine("added", "Two practitioners have started looking for other jobs."),
                ],
            ),
        ),
    ]


def _matrix() -> dict[PartnershipCondition, dict[Perspective, MatrixCell]]:
    return {
        C.monitoring: {
            P.local_government: MatrixCell(3, "Counts families, not outcomes"),
            P.organisation: MatrixCell(2, "Four separate registrations"),
            P.professional: MatrixCell(5, "Reviews come too late to steer"),
            P.family: MatrixCell(1, "Never asked for feedback"),
        },
        C.shared_vision: {
            P.local_government: MatrixCell(2, "Prevention versus fewer referrals"),
            P.organisation: MatrixCell(1, "Supports 'one family, one plan'"),
            P.professional: MatrixCell(4, "Each discipline starts from its own mandate"),
            P.family: MatrixCell(2, "Story told four times"),
        },
        C.roles: {
            P.local_government: MatrixCell(1, "Expects one contact per family"),
            P.organisation: MatrixCell(3, "Coordinator changes often"),
            P.professional: MatrixCell(4, "Informal first contact at the GP practice"),
            P.family: MatrixCell(3, "Unsure who their contact is"),
        },
        C.financing: {
            P.local_government: MatrixCell(4, "Waits for evidence of results"),
            P.organisation: MatrixCell(3, "Staff leaving as the fund ends"),
            P.professional: MatrixCell(2, "Hesitant to take on new families"),
            P.family: MatrixCell(0, ""),
        },
    }


def sample_view(
    *,
    language: str = "en",
    status: FactsheetStatus = FactsheetStatus.draft,
    hostile_excerpt: bool = False,
) -> FactsheetView:
    """Session 3 factsheet of Wijkexpertteam Zwolle-Kampen, as a draft unless told otherwise."""
    published = status == FactsheetStatus.published
    return FactsheetView(
        language=language,
        initiative_name="Wijkexpertteam Zwolle-Kampen",
        municipalities=["Zwolle", "Kampen"],
        target_group="Families with children under 18 where a parent has a psychiatric "
        "condition or a mild intellectual disability",
        disciplines=[
            "Psychiatric nurse",
            "ID counsellor",
            "Youth social worker",
            "GP mental-health assistant",
        ],
        funding=FundingArrangement.pilot_fund.value,
        funding_notes="Two-year pilot fund of both municipalities, ending 31 December 2025",
        monitoring_approach="Six-monthly case reviews only",
        community_name="Leerkring Integrale Zorg Oost-Nederland",
        session_number=3,
        session_starts_at=datetime(2025, 11, 20, 12, 30, tzinfo=UTC),
        session_timezone="Europe/Amsterdam",
        session_place="Stadskantoor Zwolle, Lübeckplein 2, room 3.14",
        version_number=3,
        status=status,
        published_at=datetime(2025, 11, 6, 9, 0, tzinfo=UTC) if published else None,
        plain_language_summary=(
            "The team helps families in Zwolle and Kampen with many problems at once. "
            "Families like having one team. But many do not know who their contact person "
            "is. The team checks its work only twice a year, and families are not asked "
            "what they think. The money for the team stops at the end of this year. "
            "Nobody has decided yet what happens next."
        ),
        sections=_sections(hostile_excerpt=hostile_excerpt),
        matrix=_matrix(),
        members=[
            MemberView("Marieke Dijkstra", Role.policymaker, "Gemeente Zwolle"),
            MemberView("Henk Visscher", Role.manager, "Dimence Groep"),
            MemberView("Sanne Kuipers", Role.practitioner, "Dimence Groep"),
            MemberView("Yusuf Demir", Role.practitioner, "Cosis"),
            MemberView("Lotte Brouwer", Role.practitioner, "Sociaal Wijkteam Kampen"),
            MemberView("Anouk Veenstra", Role.practitioner, "Huisartsenpraktijk Assendorp"),
            MemberView("Gerda Hofman", Role.family_representative, "Cliëntenraad Zwolle"),
            MemberView("Tim Jansen", Role.practitioner_researcher, "Windesheim"),
        ],
        session_history=[
            SessionHistoryItem(
                1, datetime(2025, 3, 13, 13, 0, tzinfo=UTC), SessionStatus.followed_up, 5, 6
            ),
            SessionHistoryItem(
                2, datetime(2025, 6, 12, 12, 0, tzinfo=UTC), SessionStatus.followed_up, 4, 7
            ),
        ],
        open_actions=[
            ActionView(
                title="Agree on three outcome measures both municipalities can use",
                condition=C.monitoring,
                pdsa_stage=PdsaStage.plan,
                status=ActionStatus.in_progress,
                due_date=date(2026, 1, 31),
                owner="Marieke Dijkstra",
            ),
            ActionView(
                title="Tell every family the name of their case coordinator, in writing",
                condition=C.roles,
                pdsa_stage=PdsaStage.do,
                status=ActionStatus.open,
                due_date=date(2025, 12, 15),
                owner="Lotte Brouwer",
            ),
            ActionView(
                title="Draw every funder involved for one family and present it to both councils",
                condition=C.financing,
                pdsa_stage=PdsaStage.study,
                status=ActionStatus.open,
                due_date=None,
                owner="Henk Visscher",
            ),
        ],
        family_questions=[
            FamilyQuestion(
                "Which of the team's numbers would tell you that things are going well?",
                C.monitoring,
            ),
            FamilyQuestion(
                "Finish the sentence: 'This went well for our family when ...'",
                C.shared_vision,
            ),
            FamilyQuestion("Do you know who your one contact person is?", C.roles),
            FamilyQuestion(
                "If the money for the team stops, who should tell the families?",
                C.financing,
            ),
        ],
    )
