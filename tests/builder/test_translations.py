"""A lead makes a translation in the builder, rewords it, and previews it."""

from feedback.extensions import db
from feedback.surveys.models import Survey
from tests.builder.conftest import make_survey


def test_a_lead_translates_a_survey_into_urdu_and_rewords_its_answers(client, lead, app):
    with app.app_context():
        english = make_survey(db.session)
        english_id = english.id
    made = client.post(f"/staff/surveys/{english_id}/translate", data={"language": "ur"})
    urdu_id = int(made.location.rsplit("/", 1)[1])
    page = client.get(made.location).text
    assert 'lang="ur" dir="rtl"' in page and "Urdu" in page
    with app.app_context():
        first = db.session.get(Survey, urdu_id).questions[0]
        assert first.kind == "faces5" and first.options[0]["label"] == "Really good"
        first_id = first.id
    form = client.get(f"/staff/surveys/{urdu_id}/questions/{first_id}").text
    assert 'name="options-0-value" type="hidden" value="5"' in form
    labels = ["بہت اچھا", "اچھا", "ٹھیک ہے", "اچھا نہیں", "بہت برا"]
    data = {"text": "آپ کا ورکر کیسا ہے؟", "kind": "faces5", "principle": "1"}
    for n, (value, label) in enumerate(zip("54321", labels, strict=True)):
        data |= {f"options-{n}-value": value, f"options-{n}-words": label}
    assert (
        client.post(f"/staff/surveys/{urdu_id}/questions/{first_id}", data=data).status_code == 302
    )
    with app.app_context():
        question = db.session.get(Survey, urdu_id).questions[0]
        assert [o["label"] for o in question.options] == labels
        assert [o["score"] for o in question.options] == [100, 75, 50, 25, 0]
        assert question.bank_key == "worker_kind"


def test_the_preview_of_a_translation_is_right_to_left_and_switches_inside_the_frame(
    client, lead, app
):
    with app.app_context():
        english = make_survey(db.session)
        english_id = english.id
    urdu = client.post(f"/staff/surveys/{english_id}/translate", data={"language": "ur"})
    urdu_id = int(urdu.location.rsplit("/", 1)[1])
    frame = client.get(f"/staff/surveys/{urdu_id}/preview/frame").text
    assert '<html lang="ur" dir="rtl">' in frame and "شروع کریں" in frame
    assert f'href="/staff/surveys/{english_id}/preview/frame"' in frame  # English, in the frame
    english_frame = client.get(f"/staff/surveys/{english_id}/preview/frame").text
    assert '<html lang="en" dir="ltr">' in english_frame
    assert f'href="/staff/surveys/{urdu_id}/preview/frame"' in english_frame  # a draft, too
