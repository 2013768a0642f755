"""gunicorn's settings for `make serve` (read from this folder; flags on the command line
add to them). docs/limits.md explains the choice.

Threads (gthread), not one request per process: a visitor on a slow connection holds a
thread while their request arrives, not a whole worker, so two slow tablets cannot stop
everyone else being served. Each worker waits for new requests in one place, and
`feedback.bodies` puts a time limit on reading a request's body.
"""

import os

worker_class = "gthread"
threads = int(os.environ.get("THREADS", "8"))  # per worker: 16 with make serve's 2 workers
timeout = 30
keepalive = 5
control_socket_disable = True
