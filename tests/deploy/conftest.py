"""Fixtures of the deployment tests: the demo site, and deploy/nginx in front of the live server."""

import http.client
import os
import signal
import socket
import subprocess
import time

import pytest
from django.core.management import call_command

from deploy import local_stack

try:
    local_stack.find_nginx()
    NGINX = True
except local_stack.Refused:
    NGINX = False
# Tests that need nginx: skipped on a developer's machine without it, failed in CI (.ci/run
# installs it).
needs_nginx = pytest.mark.skipif(
    not NGINX and not os.environ.get("CI"), reason="nginx is not installed (make nginx)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Front:
    def __init__(self, port: int):
        self.port = port

    def fetch(self, path: str, method: str = "GET", cookies: dict | None = None, **headers):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        body = response.read().decode()
        connection.close()
        return response, body


@pytest.fixture
def front(live_server, tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    (static / "probe.txt").write_text("served by nginx")
    workdir = tmp_path / "nginx"
    port = free_port()
    site = local_stack.render_site(
        listen=f"127.0.0.1:{port}",
        app=f"127.0.0.1:{live_server.thread.port}",
        static_root=static,
        media_root=tmp_path / "media",
        cache_dir=workdir / "cache",
    )
    process = subprocess.Popen(  # noqa: S603
        local_stack.nginx_command(workdir=workdir, site_text=site), start_new_session=True
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield Front(port)
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=10)


@pytest.fixture
def demo_site(db):
    for command in ("load_demo", "load_conference_demo", "load_news_demo", "load_redlists_demo"):
        call_command(command, verbosity=0)
