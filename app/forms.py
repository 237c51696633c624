"""Form handling shared by the HTML pages: one pattern for every form, copy it.

1. The domain's ``schemas.py`` holds the form *as posted*: plain fields as the browser sends
   them (``FormLine``/``FormParagraph`` strings, ``FormChoices`` for checkbox groups and
   multi-selects), and a method that turns it into the domain schema, where the rules live::

       class InitiativeForm(BaseModel):
           name: FormLine = ""
           version: FormLine = ""
           def to_create(self) -> InitiativeCreate:
               return InitiativeCreate.model_validate(self.model_dump())

2. The route binds it, validates, and on ``ValidationError`` shows the form again with what
   was typed and one message next to each refused field (status 422)::

       @router.post("")
       def create_initiative(..., form: Annotated[InitiativeForm, Form()]) -> Response:
           try:
               data = form.to_create()
           except ValidationError as error:
               errors = field_errors(error, FIELD_MESSAGES)
               return _form_page(request, form=form, errors=errors, status_code=422)

   The same form schema fills the empty form (``InitiativeForm()``), the edit form
   (``InitiativeForm.of(initiative)``) and the refused one (the bound ``form``).

3. The template renders every field with ``templates/_forms.html`` (label, hint, the value,
   its error, and ``aria-invalid``/``aria-describedby``).

The caps on the form fields only bound what is read; they lie above the domain's limits so
that a value that is too long is refused by the domain schema, with its message by the field.
"""

from typing import Annotated

from pydantic import Field, ValidationError

from app.labels import N_

# Filter forms: every date within the years the app stores (learning_sessions.schemas.SessionDate).
FILTER_DATE_MESSAGE = N_("Enter a date between 2000 and 2100, like 2026-10-02.")

# A one-line field as posted (names, choices, dates, numbers, ids, addresses).
FormLine = Annotated[str, Field(max_length=2_000)]
# A text area as posted.
FormParagraph = Annotated[str, Field(max_length=40_000)]
# The values of a checkbox group or multi-select as posted (Starlette reads 1000 fields at most).
FormChoices = Annotated[list[FormLine], Field(max_length=1_000)]


def reference(value: object) -> object:
    """A select's "kind:id" value ("question:12", "reflection:3") as {"kind", "id"} for a
    model to validate; "" is none. Use it as a field's BeforeValidator."""
    if not isinstance(value, str):
        return value
    value = value.strip()
    if not value:
        return None
    kind, separator, identifier = value.partition(":")
    if not separator:
        raise ValueError("a reference looks like question:12")
    return {"kind": kind, "id": identifier}


def field_errors(error: ValidationError, messages: dict[str, str]) -> dict[str, str]:
    """One message per invalid field, in words the template translates (marked with N_)."""
    errors: dict[str, str] = {}
    for field in invalid_fields(error):
        if field in messages:
            errors.setdefault(field, messages[field])
    return errors


def invalid_fields(error: ValidationError) -> list[str]:
    """The names of the refused fields, in the order pydantic reports them."""
    return list(
        dict.fromkeys(
            str(problem["loc"][0]) if problem["loc"] else "" for problem in error.errors()
        )
    )
