"""``argmap serve``: build into a temporary folder, serve it locally, rebuild on every save.

The pages are the ones ``argmap build`` writes (:func:`argmap.page.site.write_site`), changed only
as they are sent: a small script and a ``<meta>`` with the build's version go in before
``</body>``, and the page's Content-Security-Policy gains that script's hash and
``connect-src 'self'`` so the script may ask this server for its status. Built pages never
contain either.

The script polls ``/__argmap/status`` (``{"version": N, "problems": [...]}``): when the version
differs from the one its page was built at, it reloads; when the last save had errors, it shows
them over the page, which keeps the last good map. Polling rather than Server-Sent Events:
a pending event stream holds a server thread per tab and delays Ctrl-C; one small request every
half second costs nothing on 127.0.0.1.

Every build goes into a fresh numbered folder that replaces the previous one only when it is
complete, so a request never sees half a site, and a map removed from disk leaves no stale page.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import signal
import socket
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from argmap.errors import OutputError
from argmap.format.diagnostics import Diagnostic, Severity, exit_status
from argmap.format.reporters import format_diagnostics, summary_line
from argmap.page.rendering import csp_hash
from argmap.page.site import write_site
from argmap.pipeline import MAP_SUFFIXES, run

__all__ = ["STATUS_PATH", "LiveSite", "inject_live_reload", "make_server", "serve_forever"]

STATUS_PATH = "/__argmap/status"

#: The live-reload script; constant, so its CSP hash is too (the version lives in a <meta>).
LIVE_SCRIPT = """(function () {
  "use strict";
  var meta = document.querySelector('meta[name="argmap-live-version"]');
  var built = meta ? meta.getAttribute("content") : null;
  var box = null;
  function show(problems) {
    if (!problems.length) {
      if (box) { box.remove(); box = null; }
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "argmap-live-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;" +
        "z-index:2147483647;background:#fff4f4;color:#5c0000;border-top:3px solid #b00020;" +
        "padding:10px 16px;font:14px/1.4 system-ui,sans-serif;box-shadow:0 -2px 8px #0003";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var head = document.createElement("strong");
    head.textContent = "The last save has problems; this is still the last good map.";
    var list = document.createElement("pre");
    list.style.cssText = "margin:6px 0 0;white-space:pre-wrap;font:13px/1.4 monospace";
    list.textContent = problems.join("\\n");
    box.appendChild(head);
    box.appendChild(list);
  }
  function poll() {
    fetch("/__argmap/status", {cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (String(status.version) !== built) { location.reload(); return; }
        show(status.problems);
        setTimeout(poll, 500);
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();"""

_CSP_RE = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')
_WAITING_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ; \
style-src 'unsafe-inline'">
<title>argmap serve: waiting for a good map</title></head>
<body style="font:16px system-ui,sans-serif;margin:2em">
<h1>No map built yet</h1>
<p>Fix the problems shown below and save; this page reloads by itself.</p>
</body></html>
"""


def inject_live_reload(page: str, version: int) -> str:
    """The page with the live-reload script, its build version and a CSP that allows both.

    >>> page = ('<head><meta http-equiv="Content-Security-Policy" content="default-src '
    ...         "'none'; script-src 'sha256-x'\\"></head><body></body>")
    >>> served = inject_live_reload(page, 7)
    >>> "connect-src 'self'" in served, 'content="7"' in served, served.count("<script>")
    (True, True, 1)
    """

    def allow(match: re.Match[str]) -> str:
        policy = match.group(2).replace("script-src ", f"script-src {csp_hash(LIVE_SCRIPT)} ")
        return f"{match.group(1)}{policy}; connect-src 'self'{match.group(3)}"

    page = _CSP_RE.sub(allow, page, count=1)
    tags = (
        f'<meta name="argmap-live-version" content="{version}">\n<script>{LIVE_SCRIPT}</script>\n'
    )
    at = page.rfind("</body>")
    return page[:at] + tags + page[at:] if at >= 0 else page + tags


class LiveSite:
    """The maps under *paths*, built into *root*, with the version and problems of the last save.

    ``version`` counts successful builds; ``problems`` are the errors of the latest attempt
    (empty when it built). A failed attempt leaves the last good site in place.
    """

    def __init__(self, paths: list[Path], root: Path) -> None:
        self.paths = paths
        self.root = root
        self.version = 0
        self.problems: list[str] = []
        self.pages: list[Path] = []
        self.current: Path | None = None
        self.files = 0
        self._lock = threading.Lock()

    def rebuild(self) -> list[Diagnostic]:
        """Check and build every map; on success swap the new site in. Returns every diagnostic."""
        result = run(self.paths)
        self.files = result.files
        errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
        if exit_status(result.diagnostics) != 0 or not result.maps:
            with self._lock:
                self.problems = [str(d) for d in errors] or ["no .yaml or .yml maps found"]
            return result.diagnostics
        target = self.root / str(self.version + 1)
        pages = [(m.relative, m.graph) for m in result.maps if m.graph is not None]
        written = write_site(pages, target, plan=result.site)
        with self._lock:
            previous, self.current = self.current, target
            self.version += 1
            self.problems = []
            self.pages = [p.relative_to(target) for p in written[:-1]]
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
        return result.diagnostics

    def fail(self, problems: list[str]) -> None:
        """Record problems found outside a build, keeping the last good site."""
        with self._lock:
            self.problems = problems

    def status(self) -> dict[str, Any]:
        """What the live-reload script polls."""
        with self._lock:
            return {"version": self.version, "problems": list(self.problems)}

    def page(self, url_path: str) -> bytes | None:
        """The served bytes of the page at *url_path*, or None when there is no such page."""
        with self._lock:
            current, version = self.current, self.version
        relative = unquote(url_path, errors="strict").lstrip("/") or "index.html"
        if "\x00" in relative:  # no file name holds one; Path would raise on it
            return None
        if current is None:
            return inject_live_reload(_WAITING_PAGE, version).encode("utf-8")
        if relative.endswith("/"):
            relative += "index.html"
        file = (current / relative).resolve()
        if not file.is_relative_to(current.resolve()) or file.suffix != ".html":
            return None
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return inject_live_reload(text, version).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    """Serves the live site's pages and its status, GET and HEAD only; every response is
    uncached. Only requests whose Host names this server are answered: a page of another site
    that a DNS rebinding points at 127.0.0.1 gets 421, never a map."""

    site: LiveSite
    allowed_hosts: frozenset[str]

    def do_GET(self) -> None:
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("do_"):  # any other method, even one HTTP does not define
            return self._not_allowed
        raise AttributeError(name)

    def _not_allowed(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _respond(self, *, with_body: bool) -> None:
        host = (self.headers.get("Host") or "").strip().lower()
        if host not in self.allowed_hosts:
            self._send(HTTPStatus.MISDIRECTED_REQUEST, b"", "text/plain", with_body=with_body)
            return
        path = urlsplit(self.path).path
        if path == STATUS_PATH:
            body = json.dumps(self.site.status()).encode("utf-8")
            self._send(HTTPStatus.OK, body, "application/json", with_body=with_body)
            return
        try:
            page = self.site.page(path)
        except UnicodeDecodeError:  # %-escapes that are not UTF-8 name no page
            page = None
        if page is None:
            body = b"no such page in this site\n"
            self._send(HTTPStatus.NOT_FOUND, body, "text/plain", with_body=with_body)
            return
        self._send(HTTPStatus.OK, page, "text/html; charset=utf-8", with_body=with_body)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, *, with_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal is for diagnostics, not one line per poll."""


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host headers that name a server on *host*:*port* (lower case).

    >>> sorted(allowed_hosts("127.0.0.1", 8000))
    ['127.0.0.1:8000', '[::1]:8000', 'localhost:8000']
    >>> "[::1]:80" in allowed_hosts("::1", 80), "localhost" in allowed_hosts("::1", 80)
    (True, True)
    """
    names = {"127.0.0.1", "localhost", "[::1]", f"[{host}]" if ":" in host else host}
    if host in ("", "0.0.0.0", "::"):  # every interface: this machine's names and addresses
        names.add(socket.gethostname())
        with contextlib.suppress(OSError):
            names.update(socket.gethostbyname_ex(socket.gethostname())[2])
    hosts = {f"{name.lower()}:{port}" for name in names}
    if port == 80:  # a browser leaves the default port out
        hosts |= {name.lower() for name in names}
    return frozenset(hosts)


def make_server(site: LiveSite, host: str, port: int) -> ThreadingHTTPServer:
    """An HTTP server for *site*; port 0 picks a free port (see ``server.server_address``)."""
    handler: type[_Handler] = type("LiveSiteHandler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    handler.allowed_hosts = allowed_hosts(host, int(server.server_address[1]))
    return server


def _is_map_file(_change: object, path: str) -> bool:
    return path.endswith(MAP_SUFFIXES)


def _saved_since(folders: list[Path], moment: float) -> bool:
    """Whether a map file below *folders* was written after *moment* (a time.time())."""
    for folder in folders:
        for suffix in MAP_SUFFIXES:
            for file in folder.rglob("*" + suffix):
                try:
                    if file.stat().st_mtime >= moment:
                        return True
                except OSError:  # removed while we looked: the watcher reports that
                    continue
    return False


def _watched_folders(paths: Iterable[Path]) -> list[Path]:
    """The folders to watch: folders given, and the folder of each file (its includes too)."""
    folders = {(p if p.is_dir() else p.parent).resolve() for p in paths}
    # a folder inside another watched one is already covered by the recursive watch
    return sorted(f for f in folders if not any(f != o and f.is_relative_to(o) for o in folders))


def serve_forever(
    paths: list[Path],
    *,
    host: str,
    port: int,
    echo: Callable[[str], None],
    colour: bool = False,
    stop: threading.Event | None = None,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Build, serve and rebuild on every save until Ctrl-C, SIGTERM (or *stop* is set).

    *echo* prints to the terminal; *ready* is called with the site's URL once it serves.
    Either way of stopping removes the temporary folder of the built pages.
    """
    stop = stop or threading.Event()
    with _terminated_as_interrupt(), tempfile.TemporaryDirectory(prefix="argmap-serve-") as folder:
        site = LiveSite(paths, Path(folder))
        server = _bind(site, host, port)
        built_at = time.time()
        _rebuild_and_report(site, echo, colour)
        thread = threading.Thread(target=server.serve_forever, name="argmap-serve", daemon=True)
        thread.start()
        bound_host, bound_port = server.server_address[:2]
        first = site.pages[0].as_posix() if len(site.pages) == 1 else ""
        url = f"http://{bound_host!s}:{bound_port}/{first}"
        try:
            _watch(site, _watched_folders(paths), built_at, stop, echo, colour, ready, url)
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            server.server_close()
            echo("stopped")


@contextlib.contextmanager
def _terminated_as_interrupt() -> Iterator[None]:
    """SIGTERM (``kill``, a closing terminal, a service manager) stops as Ctrl-C does, so the
    temporary folder is removed and the exit status is 0. Only the main thread gets signals."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _bind(site: LiveSite, host: str, port: int) -> ThreadingHTTPServer:
    """The server, bound before the first build: a taken port should not wait for it."""
    try:
        return make_server(site, host, port)
    except OSError as error:
        message = (
            f"cannot serve on {host}:{port}: {error.strerror or error} "
            "(--port 0 picks any free port)"
        )
        raise OutputError(message) from None


def _watch(
    site: LiveSite,
    folders: list[Path],
    built_at: float,
    stop: threading.Event,
    echo: Callable[[str], None],
    colour: bool,
    ready: Callable[[str], None] | None,
    url: str,
) -> None:
    """Rebuild on every save of a map below *folders* until *stop* is set."""
    from watchfiles import watch

    watching = False
    # yield_on_timeout: the first (maybe empty) round tells that the watcher is live, and only
    # then is the URL announced; a save made while the first build ran (before the watcher
    # existed) is caught by comparing modification times.
    for changes in watch(
        *folders,
        watch_filter=_is_map_file,
        debounce=200,
        step=50,
        stop_event=stop,
        yield_on_timeout=True,
        rust_timeout=300,
    ):
        if not watching:
            watching = True
            if changes or _saved_since(folders, built_at):
                _rebuild_and_report(site, echo, colour)
            echo(f"serving {url} (Ctrl-C to stop)")
            if ready is not None:
                ready(url)
        elif changes:
            _rebuild_and_report(site, echo, colour)


def _rebuild_and_report(site: LiveSite, echo: Callable[[str], None], colour: bool) -> None:
    """Rebuild and print the outcome; a failure of argmap itself is printed, never fatal."""
    started = time.perf_counter()
    try:
        diagnostics = site.rebuild()
    except Exception as error:  # a bug in argmap must not end the session with the open tab
        echo(traceback.format_exc().rstrip("\n"))
        echo("argmap failed on this save (a bug: please report it); still serving the last map")
        site.fail([f"argmap failed: {type(error).__name__}: {error}"])
        return
    shown = format_diagnostics(diagnostics, "text", files=site.files, colour=colour)
    if shown:
        echo(shown.rstrip("\n"))
    seconds = time.perf_counter() - started
    if site.problems:
        echo(f"{summary_line(diagnostics, site.files)}; still showing the last good map")
    else:
        pages = f"{len(site.pages)} page{'s' * (len(site.pages) != 1)}"
        echo(f"built {pages}, version {site.version}, in {seconds:.2f} s")
