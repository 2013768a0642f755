"""A comment in another language is kept with its language (on the answer), and reaches
the safeguarding lead, the comments to read and the exports marked with it."""

import csv
import io

import openpyxl
from sqlalchemy import update

from feedback.analysis.reanalyse import reanalyse
from feedback.results.workbook import sheet_name
from feedback.surveys.models import Answer
from tests.alerts.factories import HAPPY, alerts, comment_of, open_survey, respond
from tests.results.factories import LAST_30, answered

POLISH = "Mój ojczym mnie bije i nie chcę wracać do domu"


def test_the_answer_keeps_the_language_and_english_keeps_none(session):
    survey = open_survey(session)
    polish = comment_of(session, respond(session, survey, POLISH))
    english = comment_of(session, respond(session, survey, HAPPY))
    session.commit()
    assert (polish.comment_language, english.comment_language) == ("pl", None)
    (alert,) = alerts(session)
    assert alert.reasons == ["not in English (Polish): a person who reads Polish must read it"]


def test_the_queue_and_the_alert_say_which_language_to_read_it_in(client, login_as, session):
    survey = open_survey(session)
    respond(session, survey, POLISH)
    respond(session, survey, HAPPY)
    session.commit()
    (alert,) = alerts(session)
    login_as("safeguarding")
    for page in (client.get("/staff/alerts/").text, client.get(f"/staff/alerts/{alert.id}").text):
        assert "Written in Polish" in page and f'lang="pl">{POLISH}<' in page.replace("<p>", "")
    assert (
        "Written in" not in client.get("/staff/alerts/").text.split(POLISH)[0].split("<tbody>")[-1]
    )  # nothing before the Polish comment's own row


def test_comments_to_read_say_the_language(client, login_as, session):
    survey = open_survey(session)
    respond(session, survey, POLISH)
    respond(session, survey, HAPPY)
    session.commit()
    login_as("lead")
    page = client.get("/staff/comments/").text
    assert page.count("written in Polish") == 1
    assert '<blockquote lang="pl">' in page


def test_reanalyse_stores_the_language_of_comments_saved_before_it_was_kept(session):
    survey = open_survey(session)
    answer = comment_of(session, respond(session, survey, POLISH))
    session.commit()
    session.execute(update(Answer).where(Answer.id == answer.id).values(comment_language=None))
    session.commit()
    session.expire_all()

    result = reanalyse(session)
    session.commit()
    assert result.changed == 1 and result.new_alerts == 0
    assert session.get(Answer, answer.id).comment_language == "pl"


def test_csv_and_excel_exports_give_the_language(client, login_as, session):
    survey = open_survey(session)
    answered(session, survey, {"helped_most": POLISH, "feel_safe": "4"})
    answered(session, survey, {"helped_most": HAPPY})
    session.commit()
    login_as("lead")
    response = client.get(f"/staff/results/answers.csv?{LAST_30}&survey={survey.id}")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    written = [r for r in rows if r["question"] == "What has helped you most?"]
    assert sorted(r["written_in"] for r in written) == ["", "Polish"]
    assert [r["written_in"] for r in rows if r not in written] == [""]  # "feel_safe"

    response = client.get(f"/staff/results/answers.xlsx?{LAST_30}&survey={survey.id}")
    book = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True)
    sheet = list(
        book[sheet_name(survey.title, {"summary", "questions"})].iter_rows(values_only=True)
    )
    column = sheet[0].index("Language, when not English: What has helped you most?")
    assert sorted(str(row[column] or "") for row in sheet[1:]) == ["", "Polish"]


def test_language_names_for_codes():
    from feedback.analysis.language import language_name

    assert (language_name("pl"), language_name("cy"), language_name(None)) == (
        "Polish",
        "Welsh",
        "",
    )


def test_markup_and_addresses_are_not_taken_for_another_language():
    from feedback.analysis.language import other_language

    assert other_language('<img src=http://127.0.0.1:9/x> <font color="x"> I feel <b>sad') is None
    assert other_language("see www.example.org or mail john@example.org @sam") is None
