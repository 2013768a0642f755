"""Build a report's numbers once, as plain frozen data, for every edition to render.

Small numbers are suppressed HERE, not in the renderers: a count or score from fewer than
5 responses is never put into the report at all, so no edition can show it by mistake.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from feedback.analysis import THEMES
from feedback.analysis.scores import Figure, principle_scores
from feedback.audiences.services import audience_keys
from feedback.principles import PRINCIPLES
from feedback.reports import queries
from feedback.reports.period import Period
from feedback.reports.quotes import quotable

QUOTES_PER_PRINCIPLE = 3


@dataclass(frozen=True)
class AudienceCount:
    audience: str
    responses: Figure
    score: Figure = Figure(None)


@dataclass(frozen=True)
class ThemeCount:
    name: str
    comments: Figure


@dataclass(frozen=True)
class ActionItem:
    id: int
    principle: int
    theme: str
    you_told_us: str
    we_did: str
    owner: str
    status: str
    status_name: str
    due_on: date | None
    done_on: date | None
    ready_to_publish: bool  # in the board edition
    for_families: bool  # also in the family booklet and on the public page


@dataclass(frozen=True)
class PrincipleResult:
    number: int
    title: str  # staff title (board edition)
    child_title: str  # family edition and public page
    child_meaning: str
    emoji: str
    seed_you_told_us: str
    we_promise: str
    responses: Figure
    score: Figure
    previous_score: Figure
    change: int | None
    positive: Figure  # percentages of scale answers
    neutral: Figure
    negative: Figure
    by_audience: tuple[AudienceCount, ...]
    themes: tuple[ThemeCount, ...]
    quotes: tuple[str, ...]
    actions: tuple[ActionItem, ...]

    @property
    def published_actions(self) -> tuple[ActionItem, ...]:
        """Actions published for the board."""
        return tuple(a for a in self.actions if a.ready_to_publish)

    @property
    def family_actions(self) -> tuple[ActionItem, ...]:
        """Actions published for children and families (checked by the language checker)."""
        return tuple(a for a in self.actions if a.for_families)


@dataclass(frozen=True)
class OutsideQuestion:
    """A question mapped to no principle: its own figures, never in a principle's score."""

    survey: str
    text: str
    answered: Figure
    score: Figure  # 0-100 average of its scale answers (suppressed, or none if unscored)


@dataclass(frozen=True)
class Report:
    period: Period
    previous_period: Period
    survey_filter: tuple[int, ...]
    audience_filter: tuple[str, ...]
    responses: Figure
    previous_responses: Figure
    by_audience: tuple[AudienceCount, ...]
    surveys: tuple[tuple[str, str, Figure], ...]  # (title, audience, responses)
    comments: Figure
    principles: tuple[PrincipleResult, ...]
    outside_principles: tuple[OutsideQuestion, ...] = ()


def _action_item(action) -> ActionItem:
    return ActionItem(
        id=action.id,
        principle=action.principle,
        theme=action.theme,
        you_told_us=action.you_told_us,
        we_did=action.we_did,
        owner=action.owner,
        status=action.status,
        status_name=action.status_name,
        due_on=action.due_on,
        done_on=action.done_on,
        ready_to_publish=action.ready_to_publish,
        for_families=action.for_families,
    )


def _theme_principles() -> dict[str, int]:
    return {t.name: t.principle for t in THEMES}


def _quotes(session: Session, f: queries.Filters) -> dict[int, tuple[str, ...]]:
    """Redacted quotes per principle, newest first; each quote once in a report.

    A comment counts under the principle of its first theme (a comment about family time
    belongs to "Your wishes and feelings" whichever question it answered), or else under
    its question's principle.
    """
    theme_principle = _theme_principles()
    found: dict[int, list[str]] = defaultdict(list)
    used: set[str] = set()
    for quote in quotable(
        session, bounds=f.period.bounds(), surveys=f.surveys, audiences=f.audiences
    ):
        principles = [theme_principle[t] for t in quote.themes if t in theme_principle]
        principle = principles[0] if principles else quote.principle
        chosen = found[principle]
        if quote.text not in used and len(chosen) < QUOTES_PER_PRINCIPLE:
            used.add(quote.text)
            chosen.append(quote.text)
    return {p: tuple(q) for p, q in found.items()}


def build_report(
    session: Session,
    period: Period,
    surveys: Iterable[int] | None = None,
    audiences: Iterable[str] | None = None,
) -> Report:
    """Gather everything both editions show, for one period and optional filters."""
    known = audience_keys(session)
    audiences = tuple(a for a in (audiences or ()) if a in known)
    f = queries.Filters(period, tuple(sorted(surveys or ())), audiences)
    previous = period.previous()
    scores = {s.number: s for s in principle_scores(session, period, f.surveys, f.audiences)}
    theme_counts: dict[int, Counter] = defaultdict(Counter)
    theme_principle = _theme_principles()
    comments = 0
    for principle, themes, count in queries.comment_themes(session, f):
        comments += count
        for name in set(json.loads(themes) or ()) if themes else ():
            # A theme is listed under its own principle, whichever question drew it out.
            theme_counts[theme_principle.get(name, principle)][name] += count
    quotes = _quotes(session, f)
    actions: dict[int, list[ActionItem]] = defaultdict(list)
    for action in queries.actions_for(session, period):
        actions[action.principle].append(_action_item(action))

    results = []
    for p in PRINCIPLES:
        score = scores[p.number].overall
        results.append(
            PrincipleResult(
                number=p.number,
                title=p.title,
                child_title=p.child_title,
                child_meaning=p.child_meaning,
                emoji=p.emoji,
                seed_you_told_us=p.you_told_us,
                we_promise=p.we_promise,
                responses=score.responses,
                score=score.score,
                previous_score=score.previous_score,
                change=score.change,
                positive=score.positive,
                neutral=score.neutral,
                negative=score.negative,
                by_audience=tuple(
                    AudienceCount(a, s.responses, s.score)
                    for a, s in scores[p.number].by_audience
                    if s.scaled
                ),
                themes=tuple(
                    ThemeCount(name, Figure.of(n, n))
                    for name, n in sorted(
                        theme_counts[p.number].items(), key=lambda t: (-t[1], t[0])
                    )
                ),
                quotes=quotes.get(p.number, ()),
                actions=tuple(actions[p.number]),
            )
        )

    counts = queries.responses_by_audience(session, f)
    total = sum(counts.values())
    previous_total = sum(queries.responses_by_audience(session, f, previous).values())
    return Report(
        period=period,
        previous_period=previous,
        survey_filter=f.surveys,
        audience_filter=f.audiences,
        responses=Figure.of(total, total),
        previous_responses=Figure.of(previous_total, previous_total),
        by_audience=tuple(
            AudienceCount(a, Figure.of(counts[a], counts[a])) for a in known if a in counts
        ),
        surveys=tuple(
            (title, audience, Figure.of(n, n))
            for title, audience, n in queries.responses_by_survey(session, f)
        ),
        comments=Figure.of(comments, comments),
        principles=tuple(results),
        outside_principles=tuple(
            OutsideQuestion(
                title, text, Figure.count(n), Figure.of(total / scored if scored else None, n)
            )
            for title, text, n, scored, total in queries.outside_principles(session, f)
        ),
    )
