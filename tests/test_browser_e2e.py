"""Neo4j Browser end to end, in headless Chromium: connect to the project's local server, see
the guide and the style it applies on connect, run a library query from the guide, see the
result. Screenshots go to test-artifacts/ (browser_guide.png on connect, browser_e2e.png at the end).

Chromium is Debian's package at /usr/bin/chromium, driven by Playwright through its executable
path; Playwright never downloads a browser of its own. Without /usr/bin/chromium (or
Playwright) the test is skipped with the reason, unless GRAPHMODEL_REQUIRE_NEO4J=1, under
which it fails.

Also here, without a browser: the guide is rendered from the library (guide.html up to date),
every guide step runs a library query, and the guide server answers Browser's CORS requests.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphmodel import browser, neo4j_server, queries
from graphmodel.analysis.policy import Policy
from graphmodel.errors import GraphmodelWarning
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.schema import LABELS
from graphmodel.writeback import write_analysis

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 180_000
"""Generous: a cold Browser on a busy 2-core machine takes a while to connect and render."""


# --- without a browser ----------------------------------------------------------------------


def test_the_guide_is_rendered_from_the_library():
    written = browser.GUIDE_FILE.read_text(encoding="utf-8")
    assert written == browser.render_guide(), (
        "run: python -m graphmodel.browser --render > cypher/browser/guide.html"
    )


def test_every_guide_step_runs_a_library_query_as_it_is():
    guide = browser.GUIDE_FILE.read_text(encoding="utf-8")
    names = re.findall(r"<figcaption>cypher/queries/(\w+)\.cypher</figcaption>", guide)
    asked = {"label_counts", "partners_graph", "unpaired_communities", "single_points_of_failure"}
    assert asked <= set(names)
    for name in names:
        escaped = queries.find_query(name).text.replace("&", "&amp;").replace("<", "&lt;")
        assert escaped.replace(">", "&gt;") in guide


def test_the_style_gives_every_label_a_colour_and_pairings_their_own_look():
    grass = browser.STYLE_FILE.read_text(encoding="utf-8")
    rules = dict(re.findall(r"^([\w.]+) \{\n(.*?)\n\}", grass, flags=re.S | re.M))
    for label in LABELS:
        assert "color:" in rules[f"node.{label}"] and "caption: '{name}'" in rules[f"node.{label}"]
    assert "shaft-width: 5px" in rules["relationship.PAIRED_WITH"]


def test_the_guide_server_answers_browsers_cross_origin_requests(tmp_path):
    (tmp_path / "guide.html").write_text("<article>导览</article>", encoding="utf-8")
    with browser.GuideServer(0, directory=tmp_path) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        port = server.server_address[1]
        request = urllib.request.Request(f"http://127.0.0.1:{port}/guide.html", method="OPTIONS")
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 204
            assert answer.headers["Access-Control-Allow-Origin"] == "*"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/guide.html", timeout=10) as answer:
            assert answer.read().decode("utf-8") == "<article>导览</article>"
            assert answer.headers["Access-Control-Allow-Origin"] == "*"
        # The folder itself is not listed: only files asked for by name are served.
        with pytest.raises(urllib.error.HTTPError) as listing:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10)
        assert listing.value.code == 404
        server.shutdown()


def test_serving_beyond_the_loopback_warns():
    with pytest.warns(GraphmodelWarning, match="0.0.0.0"), browser.GuideServer(0, "0.0.0.0"):
        pass
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with browser.GuideServer(0, "localhost"):
            pass


def test_the_local_server_is_configured_to_apply_them():
    lines = browser.conf_lines(57475)
    assert "browser.remote_content_hostname_whitelist=guides.neo4j.com,localhost,127.0.0.1" in lines
    assert (
        "browser.post_connect_cmd=style http://127.0.0.1:57475/style.grass;"
        "play http://127.0.0.1:57475/guide.html"
    ) in lines


# --- in headless Chromium -------------------------------------------------------------------


def _require(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("GRAPHMODEL_REQUIRE_NEO4J") == "1":
        pytest.fail(f"{reason} (GRAPHMODEL_REQUIRE_NEO4J=1)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def chromium() -> Iterator[object]:
    """Playwright's sync API, once /usr/bin/chromium and Playwright are both there."""
    _require(CHROMIUM.exists(), f"{CHROMIUM} is missing (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require(False, "Playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        yield playwright


def _zhandong() -> GraphBatch:
    """站东社区 and the two city-level sinking units it signed agreements with (002)."""
    nodes = [
        NodeRecord("Street", "jianguomen", {"name": "建国门街道", "kind": "街道"}),
        NodeRecord("Community", "zhandong", {"name": "站东社区", "kind": "社区"}),
        NodeRecord("PartyOrg", "zhandong.po", {"name": "站东社区党委", "level": "社区党委"}),
    ]
    edges = [
        EdgeRecord("PART_OF", "zhandong", "jianguomen"),
        EdgeRecord("BELONGS_TO", "zhandong.po", "zhandong"),
    ]
    for i in (1, 2):
        unit, org = f"sink{i}", f"sink{i}.po"
        nodes += [
            NodeRecord("MemberUnit", unit, {"name": f"市级下沉单位{i}", "level": "市"}),
            NodeRecord("PartyOrg", org, {"name": f"市级下沉单位{i}党支部", "level": "单位党支部"}),
        ]
        edges += [
            EdgeRecord("BELONGS_TO", org, unit),
            EdgeRecord(
                "PAIRED_WITH",
                org,
                "zhandong.po",
                f"p{i}",
                {"kind": "下沉", "since": "2021-09-03", "agreement": "结对共建协议书"},
            ),
        ]
    return GraphBatch(nodes, edges)


def test_browser_connects_shows_the_guide_and_runs_a_library_query(
    chromium, neo4j_connection, neo4j_store, neo4j_driver, tmp_path
):
    local = neo4j_server.status(neo4j_server.ServerSettings.from_env())
    _require(local.running, "the project's local Neo4j is not running (graphmodel neo4j start)")
    password = neo4j_server.local_password(local.home)
    neo4j_store.write(_zhandong())
    # Hub scores and tiers, so that the style sizes the nodes (HubHigh is drawn largest).
    write_analysis(neo4j_store, dt.date(2023, 6, 30), Policy(), neo4j_driver)
    guide_base = browser.guide_url(browser.guide_port(local.http_port))

    context = chromium.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=str(CHROMIUM),
        headless=True,
        args=FLAGS,
        viewport={"width": 1400, "height": 1000},
    )
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        page.goto(local.browser_url, wait_until="networkidle")
        page.locator("[data-testid=boltaddress]").fill(local.bolt_uri)
        page.locator("[data-testid=username]").fill("neo4j")
        page.locator("[data-testid=password]").fill(password or "")
        page.locator("[data-testid=connect]").click()

        # post_connect_cmd applied the style and played the guide from the guide server.
        page.get_by_text("党建引领基层治理网络").first.wait_for()
        commands = page.locator("[data-testid=frameCommand]").all_inner_texts()
        assert any(f":style {guide_base}/style.grass" in c for c in commands), commands
        assert any(f":play {guide_base}/guide.html" in c for c in commands), commands
        page.screenshot(path=str(ARTIFACTS / "browser_guide.png"))

        # Step 2 of the guide: who is paired with 站东社区 (cypher/queries/partners.cypher).
        for _ in range(2):
            page.locator("[data-testid=nextSlide]").first.click()
        step = page.locator("[data-testid=carousel]").first
        step.get_by_text("站东社区和谁结对").wait_for()
        blocks = step.locator("pre.runnable")
        for block in (blocks.nth(2), blocks.nth(3)):  # :param, then the partners query
            block.click()
            page.locator("[data-testid=editor-Run]").click()
        result = page.locator("[data-testid=frame]").first
        result.get_by_text("市级下沉单位1党支部").first.wait_for()
        assert result.get_by_text("市级下沉单位2党支部").count() >= 1

        # And the same pairings as a graph, styled (partners_graph).
        for block in (blocks.nth(0), blocks.nth(1)):
            block.click()
            page.locator("[data-testid=editor-Run]").click()
        graph = page.locator("[data-testid=frame]").first
        graph.locator("svg").first.wait_for()
        graph.get_by_text("站东社区", exact=True).first.wait_for()
        page.wait_for_timeout(3000)  # let the force layout settle before the screenshot
    finally:
        page.screenshot(path=str(ARTIFACTS / "browser_e2e.png"))
        context.close()
