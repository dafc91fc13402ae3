"""``argmap serve`` as an instructor uses it: edit, save, see the page follow; Ctrl-C to stop."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

from argmap.page.rendering import render_html
from argmap.workflow.serve import LIVE_SCRIPT, inject_live_reload
from tests.serving import map_text, running_serve, save


def test_serves_the_map_with_the_reload_script(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    with running_serve(path) as served:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/homework\.html", served.url)
        code, page, headers = served.get("/homework.html")
        assert code == 200
        assert headers["Cache-Control"] == "no-store"
        assert "Pupils are tired after school." in page
        assert '<meta name="argmap-live-version" content="1">' in page
        csp = re.search(r'Content-Security-Policy" content="([^"]*)"', page)
        assert csp is not None
        assert "connect-src 'self'" in csp.group(1)
        assert served.status() == {"version": 1, "problems": []}
        assert served.get("/")[0] == 200  # the index of the served site
    assert "built 1 page, version 1" in served.output()


def test_a_save_rebuilds_and_bumps_the_version(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    with running_serve(path) as served:
        save(path, map_text(reason="Pupils need time to play."))
        served.wait_for(lambda status: status["version"] == 2)
        _code, page, _headers = served.get("/homework.html")
        assert "Pupils need time to play." in page
        assert "Pupils are tired after school." not in page
        assert 'content="2"' in page


def test_a_broken_save_reports_and_keeps_the_last_good_map(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    with running_serve(path) as served:
        save(path, map_text().replace("supports: [thesis]", "supports: [thesys]"))
        status = served.wait_for(lambda status: bool(status["problems"]))
        assert status["version"] == 1
        [problem] = status["problems"]
        assert problem.startswith(f"{path.as_posix()}:5:60: error: 'thesys' is not")
        assert problem.endswith("[unknown-reference]")
        _code, page, _headers = served.get("/homework.html")
        assert "Pupils are tired after school." in page
        # a file that is not YAML at all does not end the session either
        save(path, "claims: [unclosed\n\t")
        served.wait_for(lambda status: "[yaml-syntax]" in " ".join(status["problems"]))
        save(path, map_text(reason="Fixed again."))
        status = served.wait_for(lambda status: status["version"] == 2)
        assert status["problems"] == []
    output = served.output()
    assert "[unknown-reference]" in output
    assert "still showing the last good map" in output


def test_a_map_broken_from_the_start_is_served_once_fixed(tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    save(path, "argmap: 1\ntitle: Draft\nclaims:\n  a: {txt: Oops.}\n")
    with running_serve(path) as served:
        code, page, _headers = served.get("/")
        assert code == 200
        assert "No map built yet" in page
        assert "[unknown-key]" in served.status()["problems"][0]
        save(path, map_text(title="Draft"))
        served.wait_for(lambda status: status["version"] == 1)
        assert "Schools should drop homework." in served.get("/draft.html")[1]


def test_a_folder_of_maps_is_served_with_its_index(tmp_path: Path) -> None:
    (tmp_path / "unit").mkdir()
    save(tmp_path / "one.yaml", map_text(title="One"))
    save(tmp_path / "unit" / "two.yaml", map_text(title="Two"))
    with running_serve(tmp_path) as served:
        assert served.url.endswith("/")
        index = served.get("/")[1]
        assert "one.html" in index
        assert "unit/two.html" in index
        save(tmp_path / "unit" / "two.yaml", map_text(title="Two, edited"))
        served.wait_for(lambda status: status["version"] == 2)
        assert "Two, edited" in served.get("/unit/two.html")[1]
        # a file that is not a map (a note beside the maps) does not trigger a build: saved
        # before a map, the watcher has seen both once the map's build is there, and that
        # build is the only one
        (tmp_path / "notes.txt").write_text("todo\n", encoding="utf-8")
        save(tmp_path / "one.yaml", map_text(title="One, edited"))
        served.wait_for(lambda status: status["version"] >= 3)
        assert "One, edited" in served.get("/one.html")[1]
        assert served.status()["version"] == 3
    assert served.output().count("built 2 pages") == 3


def test_only_the_built_pages_are_served(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    with running_serve(path) as served:
        assert served.get("/../homework.yaml")[0] == 404
        assert served.get("/%2e%2e/homework.yaml")[0] == 404
        assert served.get("/nothing.html")[0] == 404


def test_a_taken_port_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "argmap", "serve", str(path), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_built_pages_never_carry_the_reload_script(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    subprocess.run(
        [sys.executable, "-m", "argmap", "build", str(path), "-o", str(tmp_path / "site")],
        check=True,
        capture_output=True,
    )
    page = (tmp_path / "site" / "homework.html").read_text(encoding="utf-8")
    assert "__argmap" not in page
    assert "argmap-live-version" not in page
    assert "connect-src" not in page


def test_injection_keeps_the_page_and_adds_only_the_script_and_its_hash(tmp_path: Path) -> None:
    import networkx as nx

    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(title="T")
    graph.add_node("t", type="claim", kind="thesis", role="thesis", text="T.", label="T.")
    page = render_html(graph)
    served = inject_live_reload(page, 3)
    assert served.count("<script>") == page.count("<script>") + 1
    assert f"<script>{LIVE_SCRIPT}</script>" in served
    before = re.search(r'Content-Security-Policy" content="([^"]*)"', page)
    after = re.search(r'Content-Security-Policy" content="([^"]*)"', served)
    assert before is not None
    assert after is not None
    assert set(before.group(1).replace(";", " ").split()) < set(
        after.group(1).replace(";", " ").split()
    )
    # the rest of the page is untouched
    assert (
        served.replace(after.group(1), before.group(1)).replace(
            f'<meta name="argmap-live-version" content="3">\n<script>{LIVE_SCRIPT}</script>\n', ""
        )
        == page
    )


def test_a_map_deleted_and_restored_is_reported_then_served_again(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    with running_serve(path) as served:
        path.unlink()
        status = served.wait_for(lambda status: bool(status["problems"]))
        assert "[unreadable-file]" in status["problems"][0]
        assert "Pupils are tired after school." in served.get("/homework.html")[1]
        save(path, map_text(reason="Back again."))
        served.wait_for(lambda status: status["version"] == 2 and not status["problems"])
        assert "Back again." in served.get("/homework.html")[1]


def test_head_is_served_like_get_from_the_built_site_only(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    with running_serve(path) as served:
        _code, body, headers = served.request("GET", "/homework.html")
        head_code, head_body, head_headers = served.request("HEAD", "/homework.html")
        assert (head_code, head_body) == (200, b"")
        assert head_headers["Content-Length"] == headers["Content-Length"] == str(len(body))
        assert head_headers["Content-Type"] == headers["Content-Type"]
        # the server's current folder is the project: HEAD must not answer from it
        for outside in ("/pyproject.toml", "/README.md", "/.git/HEAD", "/../homework.yaml"):
            assert served.request("HEAD", outside)[0] == 404, outside
        assert served.request("HEAD", "/__argmap/status")[0] == 200


def test_other_methods_get_405(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    with running_serve(path) as served:
        for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW"):
            code, _body, headers = served.request(method, "/homework.html")
            assert code == 405, method
            assert headers["Allow"] == "GET, HEAD"


def test_paths_with_nul_or_undecodable_bytes_are_404_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    with running_serve(path) as served:
        for bad in ("/%00.html", "/homework.html%00", "/%ff%fe.html", "/%c3%28.html"):
            assert served.request("GET", bad)[0] == 404, bad
            assert served.request("HEAD", bad)[0] == 404, bad
        assert served.request("GET", "/homework.html")[0] == 200
    assert "Traceback" not in served.output()


def test_the_host_header_must_name_this_server(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    with running_serve(path) as served:
        port = served.root.rsplit(":", 1)[1]
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
            assert served.request("GET", "/homework.html", {"Host": host})[0] == 200, host
        for host in ("evil.example", f"evil.example:{port}", "127.0.0.1:1", f"127.0.0.1.x:{port}"):
            code, body, _headers = served.request("GET", "/homework.html", {"Host": host})
            assert code == 421, host
            assert b"Pupils" not in body
            assert served.request("GET", "/__argmap/status", {"Host": host})[0] == 421
            assert served.request("HEAD", "/homework.html", {"Host": host})[0] == 421


def test_sigterm_exits_0_and_removes_the_temporary_folder(tmp_path: Path) -> None:
    path = tmp_path / "homework.yaml"
    save(path, map_text())
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with running_serve(path, stop=signal.SIGTERM, env={"TMPDIR": str(temporary)}) as served:
        assert [p.name[:13] for p in temporary.iterdir()] == ["argmap-serve-"]
        assert served.get("/homework.html")[0] == 200
    # running_serve checked exit status 0, no traceback and "stopped" as the last line
    assert list(temporary.iterdir()) == []
