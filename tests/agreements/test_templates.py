"""Agreement templates: the shipped one, and leads and admins changing them."""

from feedback.agreements import content
from feedback.agreements.models import AgreementTemplate
from feedback.agreements.template_services import install_default_template
from feedback.language import check_language
from tests.agreements.conftest import get_agreement


def test_the_shipped_template_has_every_default_section(session):
    template = install_default_template(session)
    assert install_default_template(session) is None  # only once
    keys = [s["key"] for s in template.sections]
    assert keys == [
        "who",
        "why",
        "promises",
        "your_words",
        "keep_in_touch",
        "visits",
        "information",
        "unhappy",
        "review",
    ]
    assert sorted(p["principle"] for p in template.promises) == [1, 2, 3, 4, 5, 6]


def test_the_visiting_choices_come_from_the_torbay_timescales():
    plans = {v["key"]: v for v in content.visit_choices()}
    assert "every 2 weeks (10 working days)" in plans["child_protection"]["adult"]
    assert "every 4 weeks (20 working days)" in plans["child_in_need"]["adult"]
    assert "every 2 months" in plans["care_experienced"]["adult"]
    assert len(plans) >= 14


def test_every_word_a_family_reads_passes_the_language_checker():
    shipped = content.default_template()
    family_words = []
    for s in shipped["section"]:
        family_words += [(s["key"], s["heading"], "parent"), (s["key"], s["text"], "parent")]
        family_words += [
            (s["key"], s["heading_child"], "8-12"),
            (s["key"], s["text_child"], "8-12"),
        ]
    for p in shipped["promise"]:
        family_words += [("promise", p["text"], "parent"), ("promise", p["text_child"], "8-12")]
    for v in content.visit_choices():
        family_words += [(v["key"], v["adult"], "parent"), (v["key"], v["child"], "8-12")]
    words = content.words()
    for audience, labels in words["labels"].items():
        level = "8-12" if audience == "child" else "parent"
        family_words += [("label", text, level) for text in labels.values()]
    family_words += [("copy", text, "parent") for text in words["copy"].values()]
    family_words += [("error", text, "8-12") for text in words["errors"].values()]
    problems = [
        (where, f.phrase, f.reason)
        for where, text, level in family_words
        if text
        for f in check_language(text, audience=level)
        if f.kind != "reading-level"
    ]
    assert problems == []


def test_a_lead_changes_a_template_and_new_agreements_use_it(
    client, session, login_as, make_agreement
):
    lead = login_as("lead", team="North")
    template = install_default_template(session)
    session.commit()
    old_reference = make_agreement(lead.id)
    session.commit()
    page = client.get(f"/staff/agreements/templates/{template.id}")
    assert page.status_code == 200
    data = {"name": "Working Together Agreement", "description": "Ours"}
    for i, s in enumerate(template.sections):
        for name in ("key", "heading", "heading_child", "text", "text_child", "hint", "emoji"):
            data[f"sections-{i}-{name}"] = s.get(name, "")
    data["sections-1-text"] = "We are here because your school asked us to help."
    data["sections-7-remove"] = "y"  # take out "If you are unhappy"
    n = len(template.sections)
    data[f"sections-{n}-key"] = ""
    data[f"sections-{n}-heading"] = "Family time"
    data[f"sections-{n}-text"] = "Family time with your dad is every other Sunday."
    data["promises-0-principle"] = "3"
    data["promises-0-text"] = "We will listen."
    response = client.post(f"/staff/agreements/templates/{template.id}", data=data)
    assert response.status_code == 302, response.text
    session.expire_all()
    template = session.get(AgreementTemplate, template.id)
    assert template.version == 2
    assert [s["heading"] for s in template.sections][-1] == "Family time"
    assert template.sections[-1]["key"] == "family_time"
    assert "If you are unhappy" not in [s["heading"] for s in template.sections]
    assert template.promises == [{"principle": 3, "text": "We will listen.", "text_child": ""}]

    new = get_agreement(make_agreement(lead.id))
    assert new.current.template_version == 2
    assert "Family time" in [s["heading"] for s in new.current.content]
    old = get_agreement(old_reference)
    assert "If you are unhappy" in [s["heading"] for s in old.current.content]


def test_a_template_with_no_sections_is_refused(client, session, login_as):
    login_as("admin")
    template = install_default_template(session)
    session.commit()
    data = {"name": "Empty"} | {f"sections-{i}-heading": "" for i in range(len(template.sections))}
    response = client.post(f"/staff/agreements/templates/{template.id}", data=data)
    assert response.status_code == 422
    assert "at least one section" in response.text


def test_practitioners_cannot_change_templates(client, session, login_as):
    login_as("practitioner")
    template = install_default_template(session)
    session.commit()
    assert client.get(f"/staff/agreements/templates/{template.id}").status_code == 403


def test_a_lead_adds_the_standard_template(client, session, login_as):
    login_as("lead")
    page = client.get("/staff/agreements/templates/")
    assert "Add the standard" in page.text
    client.post("/staff/agreements/templates/standard")
    assert session.query(AgreementTemplate).count() == 1


def test_the_demo_adds_the_template_and_a_sample_agreement_once(session):
    from feedback import demo
    from feedback.agreements.models import Agreement

    demo.seed(session, responses=2)
    session.commit()
    sample = session.query(Agreement).one()
    assert sample.family_reference == "DEMO-0001"
    assert [p["name"] for p in sample.current.people] == ["Mia", "Jo", "Sam Worker"]
    assert sample.review_date is not None
    assert demo.seed(session, responses=2) is False
    assert session.query(Agreement).count() == 1
