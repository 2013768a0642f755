"""Read the results filters from the query string into a `Scope` and the chosen surveys:
one function shared by the results page, the written answers and the exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from feedback.dashboard.forms import read_filters
from feedback.results import queries
from feedback.results.forms import ResultsForm
from feedback.results.queries import Scope
from feedback.surveys.models import Survey


@dataclass(frozen=True)
class Chosen:
    form: ResultsForm  # as sent, with any errors
    valid: bool
    scope: Scope  # what to show (the default period if the dates were wrong)
    surveys: list[Survey]  # the one chosen, or all of the audience's, or none yet
    links: dict[str, str]  # the filters, for links that keep them
    every: list[Survey]  # every survey that can be chosen


def chosen(session: Session, form_class: type[ResultsForm] = ResultsForm) -> Chosen:
    """The filters as sent; wrong dates fall back to the last 90 days (with a message)."""
    every = queries.surveys(session)
    teams = queries.teams(session)
    form, valid, use = read_filters(form_class, lambda f: f.set_surveys(every).set_teams(teams))
    period = use.chosen_period(date.today())
    audiences = use.audiences()
    if use.surveys():
        surveys = [s for s in every if s.id in use.surveys()]
        audiences = ()  # a survey has one audience already
    elif audiences:
        surveys = [s for s in every if s.audience in audiences]
    else:
        surveys = []
    scope = Scope(period, tuple(s.id for s in surveys), audiences, use.team.data or None)
    links = use.links() if valid else {}
    return Chosen(form, valid, scope, surveys, links, every)
