"""Start gunicorn on 127.0.0.1 with the same settings as `make serve`, and always stop it.

Every server runs in its own process group, so stopping it stops its workers too.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKERS = 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn_command(target: str, port: int, log_dir: Path, name: str) -> list[str]:
    """The `make serve` command line, but bound to a private port with its own log files."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return [
        str(gunicorn),
        "-c",
        str(Path(__file__).resolve().parents[1] / "gunicorn.conf.py"),  # as `make serve`
        "--workers",
        str(WORKERS),
        "--bind",
        f"127.0.0.1:{port}",
        "--access-logfile",
        str(log_dir / f"{name}-access.log"),
        "--error-logfile",
        str(log_dir / f"{name}-error.log"),
        target,
    ]


def _wait_until_serving(port: int, process: subprocess.Popen, timeout: float = 180) -> None:
    """Wait for a first reply (any status), not only a listening socket: gunicorn listens
    before its workers have loaded the app, which on a busy machine takes longer than
    the load test's client waits for one reply."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
                sock.settimeout(max(1.0, deadline - time.monotonic()))
                sock.sendall(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                if sock.recv(16):
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on port {port}")


def stop(process: subprocess.Popen) -> None:
    """Stop gunicorn and its workers: TERM to the group, then KILL if it lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


@contextmanager
def serve(target: str, env: dict[str, str], log_dir: Path, name: str) -> Iterator[int]:
    """Run `gunicorn target` until the block ends; yields its port."""
    port = free_port()
    process = subprocess.Popen(
        gunicorn_command(target, port, log_dir, name),
        cwd=ROOT,
        env={**os.environ, **env},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_serving(port, process)
        yield port
    finally:
        stop(process)
