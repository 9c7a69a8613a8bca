"""``graphmodel view``: the page's data on a hand-built ledger, the vendored libraries, and the
page itself in headless Chromium with the network blocked."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from importlib import resources

import pytest
from click.testing import CliRunner

from graphmodel.analysis.policy import Policy
from graphmodel.cli import main
from graphmodel.load import default_ledger, load
from graphmodel.store import StoreConfig, open_store
from graphmodel.view import build_view, view_data
from tests.test_browser_e2e import chromium  # noqa: F401 (the fixture)
from tests.test_export import two_districts

DAY = dt.date(2024, 6, 30)


def _graph(tmp_path):
    config = StoreConfig(store="embedded", db=str(tmp_path / "g.db"))
    with open_store(config) as store:
        store.write(two_districts())
        return store.graph(), config


def test_the_page_data_folds_party_orgs_and_marks_gaps(tmp_path):
    g, _ = _graph(tmp_path)
    data = view_data(g, Policy(), DAY)
    names = {row[0]: row[1] for row in data["nodes"]}
    kinds = {row[0]: data["kinds"][row[2]] for row in data["nodes"]}
    # No party organization left (each has one owner); grids and districts are not drawn.
    assert sorted(names) == ["jgm", "u1", "u2", "yt", "yts", "zd", "zjl"]
    assert "PartyOrg" not in kinds.values()
    index = {row[0]: i for i, row in enumerate(data["nodes"])}
    pairings = sorted(
        (data["nodes"][e[0]][0], data["nodes"][e[1]][0], e[3])
        for e in data["edges"]
        if data["ties"][e[2]] == "PAIRED_WITH"
    )
    # Unit -> community, with the pairing's start date.
    assert pairings == [("u1", "zd", "2021-03-01"), ("u2", "zjl", "2022-01-01")]
    # 月坛社区 has no pairing: its gaps include the unpaired-community one.
    assert any("结对" in m for m in data["gaps"][index["yts"]])
    assert data["orgs"][index["zd"]] == ["站东社区党委"]


def test_the_vendored_libraries_are_the_recorded_ones():
    assets = resources.files("graphmodel.view") / "assets"
    records = json.loads((assets / "VENDORED.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in records} == {"graphology", "sigma"}
    for r in records:
        body = (assets / r["file"]).read_bytes()
        assert hashlib.sha256(body).hexdigest() == r["sha256"], r["name"]
        assert "Permission is hereby granted" in (assets / r["licence_file"]).read_text()


def test_a_name_cannot_close_the_data_script(tmp_path):
    g, _ = _graph(tmp_path)
    g.nodes["u1"]["name"] = "</script><script>alert(1)</script>"
    page = build_view(view_data(g, Policy(), DAY))
    assert "</script><script>alert(1)" not in page


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ("结对共建（1）", "有缺口（红色）", "驻区单位")),
        ("en", ("Pairings (1)", "With a gap (red)", "resident unit")),
    ],
)
def test_the_page_works_offline_in_chromium(tmp_path, chromium, lang, words):  # noqa: F811
    _, config = _graph(tmp_path)
    out = tmp_path / "view.html"
    args = ["--lang", lang, "view", "--db", config.db, "--as-of", "2024-06-30", "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    attempted: list[str] = []
    errors: list[str] = []
    browser = chromium.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    )
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("pageerror", lambda e: errors.append(str(e)))

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                attempted.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(out.as_uri())
        page.wait_for_function("window.viewReady !== undefined", timeout=30_000)
        # Search by name, then click the hit: the details show the pairing and its date.
        page.fill("#search", "赵家楼")
        assert page.inner_text("#hits").startswith("赵家楼社区")
        page.click("#hits li >> nth=0")
        details = page.inner_text("#details")
        assert "研究所" in details and "2022-01-01" in details
        # The page speaks the command line's language (vocabulary.view_words).
        assert words[0] in details
        assert words[1] in page.inner_text("#side") and words[2] in page.inner_text("#kinds")
        # Unticking 驻区单位 hides the units and leaves the communities drawn.
        shown = """(kind) => window.graphmodelView.graph.filterNodes((n, a) => a.kind === kind)
            .map((n) => !window.graphmodelView.renderer.getNodeDisplayData(n).hidden)"""
        assert page.evaluate(shown, "MemberUnit") == [True, True]
        page.uncheck("input[data-kind=MemberUnit]")
        assert page.evaluate(shown, "MemberUnit") == [False, False]
        assert page.evaluate(shown, "Community") == [True, True, True]
        page.screenshot(path=str(tmp_path / "view.png"))
    finally:
        browser.close()
    assert attempted == []
    assert errors == []
    assert (tmp_path / "view.png").stat().st_size > 10_000


def test_no_two_nodes_of_a_street_are_drawn_on_top_of_each_other(tmp_path):
    # 建国门街道 of the seed: its 市级下沉单位 sit in no street (they come in as partners of
    # its communities) and are spread around the community they are paired with, after the
    # community's social organizations, not on top of them.
    config = StoreConfig(store="embedded", db=str(tmp_path / "seed.db"))
    with open_store(config) as store:
        load([default_ledger()], store)
        g = store.graph()
    data = view_data(g, Policy(), DAY, street="建国门街道")
    spots = Counter((round(n[3], 2), round(n[4], 2)) for n in data["nodes"])
    assert len(data["nodes"]) > 100
    assert [spot for spot, count in spots.items() if count > 1] == []
