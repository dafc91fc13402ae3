"""Run ``argmap serve`` as a user does, in its own process, and talk to it over HTTP."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAP = """\
argmap: 1
title: {title}
claims:
  thesis: {{text: Schools should drop homework., kind: thesis}}
  tired: {{text: {reason}, supports: [thesis]}}
"""


def map_text(title: str = "Homework", reason: str = "Pupils are tired after school.") -> str:
    return MAP.format(title=title, reason=reason)


def save(path: Path, text: str) -> None:
    """Save as an editor does: the whole file at once, with a fresh modification time."""
    path.write_text(text, encoding="utf-8")


@dataclass
class Served:
    """A running ``argmap serve``: its URL and what it printed so far."""

    process: subprocess.Popen[str]
    url: str = ""
    lines: list[str] = field(default_factory=list)

    @property
    def root(self) -> str:
        """``http://127.0.0.1:PORT`` without the page's path."""
        return "/".join(self.url.split("/")[:3])

    def get(self, path: str) -> tuple[int, str, dict[str, str]]:
        try:
            with urllib.request.urlopen(self.root + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8"), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace"), dict(error.headers)

    def request(
        self, method: str, path: str, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes, dict[str, str]]:
        """Send one raw request (any method, any path bytes, any Host); status, body, headers."""
        host, port = self.root.removeprefix("http://").rsplit(":", 1)
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in ({"Host": f"{host}:{port}"} | (headers or {})).items():
                connection.putheader(name, value)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, response.read(), dict(response.getheaders())
        finally:
            connection.close()

    def status(self) -> dict[str, Any]:
        code, body, _headers = self.get("/__argmap/status")
        assert code == 200
        result: dict[str, Any] = json.loads(body)
        return result

    def wait_for(self, condition: Callable[[dict[str, Any]], bool], timeout: float = 20) -> Any:
        """Poll the status until *condition* holds; the status then."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.status()
            if condition(status):
                return status
            time.sleep(0.1)
        raise AssertionError(f"timed out; last status {status}, output {self.lines}")

    def output(self) -> str:
        return "\n".join(self.lines)


@contextmanager
def running_serve(
    *paths: Path,
    extra: tuple[str, ...] = (),
    stop: signal.Signals = signal.SIGINT,
    env: dict[str, str] | None = None,
) -> Iterator[Served]:
    """Start ``argmap serve PATHS --port 0``; on leaving, send it *stop* (Ctrl-C's SIGINT by
    default) and check it ended cleanly."""
    env = os.environ | {"NO_COLOR": "1", "PYTHONUNBUFFERED": "1"} | (env or {})
    command = [sys.executable, "-m", "argmap", "serve", *map(str, paths), "--port", "0", *extra]
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
    )
    served = Served(process)
    started = threading.Event()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            served.lines.append(line.rstrip("\n"))
            if line.startswith("serving "):
                served.url = line.split()[1]
                started.set()
        started.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert started.wait(60), "argmap serve did not start"
        assert served.url, f"argmap serve ended: {served.output()}"
        yield served
    finally:
        if process.poll() is None:
            process.send_signal(stop)
        try:
            process.wait(20)
        finally:
            if process.poll() is None:
                process.kill()
        reader.join(5)
        if process.stderr is not None:
            process.stderr.close()
    served_ok = process.returncode == 0 and "Traceback" not in served.output()
    assert served_ok, f"exit {process.returncode}: {served.output()}"
    assert served.lines[-1] == "stopped"
