"""A tiny SMTP server on 127.0.0.1 for tests: keeps each message it accepts.

Just enough of RFC 5321 for smtplib (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT).
With `refuse=True` it answers 554 to every message.
"""

from __future__ import annotations

import socketserver
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Mailbox:
    messages: list[dict] = field(default_factory=list)
    refuse: bool = False


class _Handler(socketserver.StreamRequestHandler):
    timeout = 5

    def _say(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        box: Mailbox = self.server.mailbox
        sender, recipients = "", []
        self._say("220 localhost test SMTP")
        while line := self.rfile.readline():
            command = line.decode().strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self._say("250 localhost")
            elif verb == "MAIL":
                sender, recipients = command[10:].strip("<> "), []
                self._say("250 OK")
            elif verb == "RCPT":
                recipients.append(command[8:].strip("<> "))
                self._say("250 OK")
            elif verb == "DATA":
                self._say("354 End data with <CR><LF>.<CR><LF>")
                body = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    body.append(data.decode())
                if box.refuse:
                    self._say("554 Refused for the test")
                else:
                    box.messages.append({"from": sender, "to": recipients, "data": "".join(body)})
                    self._say("250 OK queued")
            elif verb == "QUIT":
                self._say("221 Bye")
                return
            else:  # RSET, NOOP and anything else
                self._say("250 OK")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def fake_smtp(refuse: bool = False):
    """Yield (port, mailbox); the server stops when the block ends."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.mailbox = Mailbox(refuse=refuse)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], server.mailbox
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
