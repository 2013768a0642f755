"""The WSGI entry point for gunicorn (`make serve`): `feedback.wsgi:app`.

Each worker loads the analysis rules once at start, so the first child to write a
comment on a fresh worker does not wait half a second for them.
"""

from feedback import create_app
from feedback.analysis import analyse_comment
from feedback.language import check_language

app = create_app()
analyse_comment("Warm up: my worker listens and I feel safe at home.")
check_language("Warm up: we will visit you every four weeks.")
