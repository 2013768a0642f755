import importlib
import sys

from flask import Flask


def test_gunicorn_entry_point_builds_the_app_with_rules_loaded(monkeypatch, tmp_path):
    monkeypatch.setenv("FEEDBACK_INSTANCE", str(tmp_path))
    monkeypatch.delenv("FEEDBACK_ENV", raising=False)
    monkeypatch.delitem(sys.modules, "feedback.wsgi", raising=False)
    wsgi = importlib.import_module("feedback.wsgi")
    assert isinstance(wsgi.app, Flask)
    assert wsgi.app.instance_path == str(tmp_path)


def test_what_the_worker_loaded_is_kept_out_of_the_garbage_collector(monkeypatch, tmp_path):
    import gc

    monkeypatch.setenv("FEEDBACK_INSTANCE", str(tmp_path))
    monkeypatch.delitem(sys.modules, "feedback.wsgi", raising=False)
    gc.unfreeze()
    try:
        importlib.import_module("feedback.wsgi")
        assert gc.get_freeze_count() > 50_000
    finally:
        gc.unfreeze()
