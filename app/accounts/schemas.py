"""The sign-in and password forms as posted, and the reset request they become."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.labels import N_

EMAIL_NEEDED = N_("Enter your email address.")

# What the browser sends, capped only so that a huge value is refused before it is read.
EmailText = Annotated[str, Field(max_length=254)]
PasswordText = Annotated[str, Field(max_length=1024)]


class SignInForm(BaseModel):
    model_config = ConfigDict(extra="ignore")

    email: EmailText
    password: PasswordText
    next_path: str = Field(default="/", alias="next", max_length=2000)


class SetPasswordForm(BaseModel):
    """A new password and its repetition: with a set-password link."""

    model_config = ConfigDict(extra="ignore")

    password: PasswordText = ""
    repeat: PasswordText = ""


class ChangePasswordForm(SetPasswordForm):
    """A signed-in person's new password, with the current one."""

    current_password: PasswordText = ""


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("an email address is needed")
    return value


class PasswordResetRequest(BaseModel):
    """Who asks for a reset link: any non-blank address (the same answer either way)."""

    email: Annotated[str, AfterValidator(_not_blank)]


class PasswordResetForm(BaseModel):
    model_config = ConfigDict(extra="ignore")

    email: EmailText = ""

    def to_request(self) -> PasswordResetRequest:
        return PasswordResetRequest.model_validate(self.model_dump())


RESET_MESSAGES = {"email": EMAIL_NEEDED}
