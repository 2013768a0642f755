"""Three minimal Flask apps to compare the product against, served the same way.

- `hello`: a bare Flask "hello";
- `read`: reads one row with SQLAlchemy and renders a small Jinja template;
- `insert`: inserts one row from a form post and redirects (post/redirect/get).

gunicorn target: `benchmarks.baselines:create("read")`. The database comes from
`BASELINE_DATABASE_URL`; `prepare(url)` makes its one table and a few rows. SQLite gets
the same pragmas as the product (WAL, synchronous=NORMAL, busy timeout), so the
comparison is about the code, not the journal settings.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from flask import Flask, abort, redirect, render_template, request
from sqlalchemy import String, create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

ROWS = 100
TEMPLATES = Path(__file__).resolve().parent / "templates"


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "baseline_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(String(2000), default="")


def _engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def pragmas(dbapi_connection, _record) -> None:
            if isinstance(dbapi_connection, sqlite3.Connection):
                cursor = dbapi_connection.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA busy_timeout=10000")
                cursor.execute("PRAGMA synchronous=NORMAL")
                cursor.close()

    return engine


def prepare(url: str) -> None:
    """Create the baseline table with a few rows (idempotent)."""
    engine = _engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all(
            Note(title=f"Note {n}", body="A short line of text to show. " * 3)
            for n in range(1, ROWS + 1)
        )
        session.commit()
    engine.dispose()


def drop(url: str) -> None:
    engine = _engine(url)
    Base.metadata.drop_all(engine)
    engine.dispose()


def create(kind: str) -> Flask:
    """Build one of the three baseline apps."""
    app = Flask(__name__, template_folder=str(TEMPLATES))
    if kind == "hello":
        app.add_url_rule("/", "hello", lambda: "Hello, world!")
        return app
    engine = _engine(os.environ["BASELINE_DATABASE_URL"])

    def read(note_id: int):
        with Session(engine) as session:
            note = session.scalar(select(Note).where(Note.id == note_id))
            if note is None:
                abort(404)
            return render_template("baseline_note.html", note=note)

    def insert():
        title = request.form.get("title", "").strip()
        if not title:
            abort(400)
        with Session(engine) as session:
            session.add(Note(title=title[:200]))
            session.commit()
        return redirect("/notes/1", code=303)

    if kind == "read":
        app.add_url_rule("/notes/<int:note_id>", "read", read)
    elif kind == "insert":
        app.add_url_rule("/notes", "insert", insert, methods=["POST"])
    else:
        raise ValueError(f"unknown baseline {kind!r}")
    return app
