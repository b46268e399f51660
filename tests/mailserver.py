"""A real SMTP server for fault tests (aiosmtpd on a local port) that can be stopped, started,
made to answer 4xx/5xx, or slowed down, while the code under test talks to it over SMTP."""

import socket
import threading
import time
from collections import Counter

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sink:
    def __init__(self):
        self.messages: list[tuple[list[str], bytes]] = []
        self.lock = threading.Lock()
        self.answer = ""  # e.g. "421 Service not available": refuse every message with it
        self.refuse = {}  # recipient → "550 …": refuse that one recipient
        self.delay = 0.0  # seconds per message

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.answer:
            return self.answer
        if self.delay:
            time.sleep(self.delay)  # blocks the server's loop: a slow server
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"

    def count(self) -> Counter:
        with self.lock:
            return Counter(to for rcpt, _raw in self.messages for to in rcpt)


class MailServer:
    """`down()` closes the port (connection refused), `up()` opens it again."""

    def __init__(self):
        self.port = free_port()
        self.sink = Sink()
        self.controller = None

    def up(self) -> None:
        if self.controller is None:
            self.controller = Controller(
                self.sink, hostname="127.0.0.1", port=self.port, decode_data=False
            )
            self.controller.start()

    def down(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None
