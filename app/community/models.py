from datetime import date

from sqlmodel import Field, SQLModel

from app.db import Timestamped, enum_type
from app.vocabulary import CommunityStatus


class LearningCommunityBase(SQLModel):
    name: str = Field(max_length=200)
    aims: str = Field(default="", max_length=4000)
    period_start: date
    period_end: date | None = None
    status: CommunityStatus = Field(
        default=CommunityStatus.active, sa_type=enum_type(CommunityStatus)
    )


class LearningCommunity(LearningCommunityBase, Timestamped, table=True):
    __tablename__ = "learning_community"

    id: int | None = Field(default=None, primary_key=True)
