"""The WSGI entry point for gunicorn (`make serve`): `feedback.wsgi:app`.

Each worker loads the analysis rules once at start, so the first child to write a
comment on a fresh worker does not wait half a second for them.

Then everything loaded so far (the app, its libraries, the rules: some 180,000 objects
that live as long as the worker) is moved out of the garbage collector's sight with
`gc.freeze()`. Python's occasional full collection would otherwise walk all of them,
about 80 ms each time on a small server, for nothing: they are never garbage.
"""

import gc

from feedback import create_app
from feedback.analysis import analyse_comment
from feedback.language import check_language

app = create_app()
analyse_comment("Warm up: my worker listens and I feel safe at home.")
check_language("Warm up: we will visit you every four weeks.")
gc.collect()
gc.freeze()
