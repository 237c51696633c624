import re
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.forms import FormLine, FormParagraph
from app.labels import N_
from app.people.models import Person
from app.schemas import EntityId, LongText, RequiredName, ShortText, Version
from app.vocabulary import IntegrationLevel, Perspective, PreferredFormat, Role

_EMAIL = re.compile(r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$")


def _normalise_email(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip().lower()
    if len(value) > 254 or not _EMAIL.match(value):
        raise ValueError("is not an email address (name@example.org)")
    return value


Email = Annotated[str | None, AfterValidator(_normalise_email)]
# The column holds 1000 characters; refuse more here rather than fail in the database.
AccessibilityNeeds = Annotated[LongText, StringConstraints(max_length=1000)]
# The language of the emails a person gets (app.i18n.LANGUAGES).
EmailLanguage = Literal["en", "nl"]


class PersonCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: RequiredName
    organisation: ShortText = ""
    email: Email = None
    accessibility_needs: AccessibilityNeeds = ""
    preferred_format: PreferredFormat = PreferredFormat.standard
    language: EmailLanguage = "nl"
    shares_needs_with_chair: bool = False


class PersonUpdate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: Version
    name: RequiredName | None = None
    organisation: ShortText | None = None
    email: Email = None
    accessibility_needs: AccessibilityNeeds | None = None
    preferred_format: PreferredFormat | None = None
    language: EmailLanguage | None = None
    shares_needs_with_chair: bool | None = None


class PersonPublic(BaseModel):
    id: int
    name: str
    organisation: str
    email: str | None
    accessibility_needs: str | None = Field(
        description="null when not for you: the facilitator and the person read them, the "
        "chair only when the person shares them"
    )
    preferred_format: PreferredFormat
    language: str
    shares_needs_with_chair: bool
    version: int
    created_at: datetime
    updated_at: datetime


class MembershipCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    person_id: EntityId
    initiative_id: EntityId | None = None
    role: Role
    perspective: Perspective
    level: IntegrationLevel


class MembershipUpdate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    role: Role | None = None
    perspective: Perspective | None = None
    level: IntegrationLevel | None = None


class MembershipPublic(BaseModel):
    id: int
    person_id: int
    community_id: int
    initiative_id: int | None
    role: Role
    perspective: Perspective
    level: IntegrationLevel
    created_at: datetime


class PeopleFilter(BaseModel):
    """The people directory's search: words in name, organisation or email, and a role."""

    model_config = ConfigDict(extra="ignore")

    text: ShortText = ""
    role: Role | None = None


class PersonForm(BaseModel):
    """The person form as posted, for adding and editing someone."""

    name: FormLine = ""
    organisation: FormLine = ""
    email: FormLine = ""
    accessibility_needs: FormParagraph = ""
    shares_needs_with_chair: FormLine = ""  # the checkbox: "yes" when ticked, absent otherwise
    preferred_format: FormLine = ""
    # None when not posted or left on "Choose…" (FastAPI reads an empty value as absent).
    language: FormLine | None = None
    version: FormLine = ""

    @classmethod
    def new(cls) -> "PersonForm":
        return cls(preferred_format=PreferredFormat.standard, language="nl")

    @classmethod
    def of(cls, person: Person) -> "PersonForm":
        """The stored person, to edit."""
        return cls(
            name=person.name,
            organisation=person.organisation or "",
            email=person.email or "",
            accessibility_needs=person.accessibility_needs or "",
            preferred_format=person.preferred_format or "",
            language=person.language,
            shares_needs_with_chair="yes" if person.shares_needs_with_chair else "",
            version=str(person.version),
        )

    def _values(self) -> dict[str, object]:
        values: dict[str, object] = self.model_dump()
        # An unticked checkbox sends nothing: that is "no".
        values["shares_needs_with_chair"] = self.shares_needs_with_chair or False
        if self.language is None:
            del values["language"]  # not chosen: the default, or the language kept
        return values

    def to_create(self) -> PersonCreate:
        values = self._values()
        del values["version"]
        return PersonCreate.model_validate(values)

    def to_update(self) -> PersonUpdate:
        return PersonUpdate.model_validate(self._values())


# The role form's message by each field, for the person's and the initiative's page.
MEMBERSHIP_MESSAGES: dict[str, str] = {
    "person_id": N_("Choose a person."),
    "initiative_id": N_("Choose an initiative or the whole learning community."),
    "role": N_("Choose a role."),
    "perspective": N_("Choose a perspective."),
    "level": N_("Choose a level of integration."),
}


class MembershipForm(BaseModel):
    """A role as posted: from a person's page (with the initiative) or from an initiative's
    page (with the person, and the page to go back to)."""

    person_id: FormLine = ""
    initiative_id: FormLine = ""
    role: FormLine = ""
    perspective: FormLine = ""
    level: FormLine = ""
    next: FormLine = ""

    def to_create(
        self, *, person_id: int | None = None, initiative_id: int | None = None
    ) -> MembershipCreate:
        """The role for ``person_id`` or in ``initiative_id`` when the page says which."""
        return MembershipCreate.model_validate(
            {
                "person_id": self.person_id if person_id is None else person_id,
                "initiative_id": (self.initiative_id.strip() or None)
                if initiative_id is None
                else initiative_id,
                "role": self.role,
                "perspective": self.perspective,
                "level": self.level,
            }
        )
