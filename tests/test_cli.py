from sqlalchemy import select

from feedback.extensions import db
from feedback.staff.models import User
from feedback.surveys.models import Response, Survey


def test_create_user_asks_for_the_password(app, runner):
    result = runner.invoke(
        args=[
            "create-user",
            "--email",
            "New@Example.org",
            "--name",
            "New Person",
            "--role",
            "lead",
        ],
        input="a-long-enough-password\na-long-enough-password\n",
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "new@example.org"))
        assert user.role == "lead"
        assert user.check_password("a-long-enough-password")
        assert "a-long-enough-password" not in user.password_hash


def test_create_user_refuses_a_short_password(app, runner):
    result = runner.invoke(
        args=["create-user", "--email", "a@example.org", "--name", "A", "--role", "lead"],
        input="short\nshort\n",
    )
    assert result.exit_code != 0
    assert "12 characters" in result.output


def test_create_user_has_no_password_option(runner):
    result = runner.invoke(args=["create-user", "--password", "x" * 20])
    assert result.exit_code != 0


def test_seed_demo_loads_surveys_staff_and_responses_once(app, runner):
    from feedback.db import Model

    with app.app_context():
        Model.metadata.drop_all(db.engine)  # seed-demo migrates from empty itself
    result = runner.invoke(args=["seed-demo", "--responses", "30"])
    assert result.exit_code == 0, result.output
    assert "lead@example.org" in result.output
    with app.app_context():
        audiences = set(db.session.scalars(select(Survey.audience)))
        assert audiences == {"4-7", "8-12", "13-18", "parent"}
        assert db.session.query(Response).count() == 30
        assert db.session.query(User).count() == 5
    again = runner.invoke(args=["seed-demo"])
    assert "already there" in again.output
    with app.app_context():
        assert db.session.query(Response).count() == 30
