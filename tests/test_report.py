"""The report: what it says about a hand-built street, that the HTML page stands alone, and
that the charts' Chinese labels have glyphs in the font that ``pip install`` brings."""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings

import pytest
from click.testing import CliRunner
from matplotlib import image

from graphmodel.analysis.policy import Policy
from graphmodel.cli import main
from graphmodel.errors import GraphmodelError
from graphmodel.records import GraphBatch
from graphmodel.report import build_report, write_report
from graphmodel.report.fonts import GLYPH_CHECK, FontWarning, chart_font, font_path
from graphmodel.store import EmbeddedStore
from tests.test_hubs import chain_street

DAY = dt.date(2024, 1, 1)


@pytest.fixture
def g(tmp_path):
    store = EmbeddedStore(tmp_path / "g.json")
    store.write(GraphBatch(*chain_street()))
    return store.graph()


def _section(report, key):
    return next(s for s in report.sections if s.key == key)


def test_the_report_on_the_chain_street(g):
    # 万寿路街道 (see tests/test_hubs.chain_street) has 4 communities on DAY:
    # - paired: 复兴路 and 太平路 (航天大学), 翠微 (中科院所); 羊坊店 is not: 3 of 4;
    # - the street committee covers nothing, so no community has a committee: 0;
    # - each community needs 10 social organizations and has at most 1: 0;
    # - nobody reports (双报到): 0.
    # Gaps located in the street: 1 unpaired + 4 few social orgs + 5 no committee (the four
    # communities and the street) + 4 unreported + 1 isolated cluster (u, x, so, y: the
    # committee joining them to the street covers no area, so it sits in no street) = 15; the
    # thin committee sits in no street.
    report = build_report(g, Policy(), DAY)
    [row] = _section(report, "coverage").tables[0][1].rows
    assert row[1:9] == ["万寿路街道", 4, 3, "75%", 0, 0, 0, 15]
    assert report.data["coverage"][0]["paired_rate"] == 0.75
    # The points of failure: 中科院所 first, cutting off 翠微社区 and 羊坊店社区.
    points = _section(report, "spof").tables[0][1]
    assert points.rows[0][1] == "中科院所"
    assert points.rows[0][5] == "翠微社区、羊坊店社区"
    # 翠微社区, a place, is an articulation point too (it alone ties 羊坊店社区's social
    # organization to the unit) but a community leaving is no action: the body lists actors.
    assert len(points.rows) == 5
    assert "翠微社区" not in [r[1] for r in points.rows]
    # 羊坊店社区 is the one community to propose a pairing for.
    proposals = _section(report, "proposals").tables[0][1]
    assert [r[1] for r in proposals.rows] == ["羊坊店社区"]
    # One street in the store: it is drawn actor by actor.
    assert [c.name for c in report.charts] == ["network-s", "coverage", "gaps"]


def test_write_report_writes_markdown_one_standalone_html_page_and_pngs(g, tmp_path):
    out = tmp_path / "report"
    report = build_report(g, Policy(), DAY)
    written = write_report(report, out)
    names = sorted(str(p.relative_to(out)) for p in written)
    assert names == [
        "charts/coverage.png",
        "charts/gaps.png",
        "charts/network-s.png",
        "index.docx",
        "index.html",
        "index.md",
        "report.json",
        "report.xlsx",
    ]
    markdown = (out / "index.md").read_text(encoding="utf-8")
    assert markdown.startswith("# 党建引领基层治理网络分析报告")
    assert "![各类缺口数量](charts/gaps.png)" in markdown
    assert "| 万寿路街道 |" in markdown

    page = (out / "index.html").read_text(encoding="utf-8")
    # Self-contained: no link, script or stylesheet from elsewhere; every image inline.
    # The only links are the table of contents' anchors within the page.
    assert set(re.findall(r'href="([^"]*)"', page)) <= {f"#{s.key}" for s in report.sections}
    assert "<script" not in page and "<link" not in page and "@import" not in page
    sources = re.findall(r'src="([^"]*)"', page)
    assert len(sources) == 3
    assert all(s.startswith("data:image/png;base64,") for s in sources)
    assert "url(" not in page

    for path in written:
        if path.suffix == ".png":
            pixels = image.imread(path)
            assert pixels.shape[0] > 100 and pixels.shape[1] > 100
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["font"] == {"family": "Noto Sans SC", "missing_glyphs": ""}


def test_the_chinese_labels_have_glyphs(g):
    # The font comes from a pip package, not the machine; it covers every character the
    # charts draw, and matplotlib draws them without falling back (it warns "Glyph ... missing
    # from font(s)" when it would draw a box).
    assert font_path() is not None
    font = chart_font(["社区结对共建党组织", "翠微志愿服务队", "万寿路街道党建工作协调委员会"])
    assert (font.family, font.missing) == ("Noto Sans SC", "")
    assert "社区结对共建党组织" in GLYPH_CHECK
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        build_report(g, Policy(), DAY)
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert not [w for w in caught if issubclass(w.category, FontWarning)]


def test_a_character_the_font_lacks_is_a_warning_naming_it():
    with pytest.warns(FontWarning, match="𪚥"):
        font = chart_font(["社区𪚥"])
    assert font.missing == "𪚥"


def test_english_headings_keep_chinese_names(g):
    report = build_report(g, Policy(), DAY, lang="en")
    assert report.title == "Co-governance network report"
    assert [s.heading for s in report.sections] == [
        "Summary",
        "Main problems",
        "Recommended actions",
        "Data not recorded",
        "The network",
        "Coverage by street",
        "Gaps",
        "Coordination hubs",
        "Single points of failure",
        "Pairing proposals",
        "Needs, resources and projects (the three lists)",
        "Appendix",
    ]
    hubs = _section(report, "hubs").tables[0][1]
    assert hubs.headers == ["Rank", "Name", "Kind", "Street", "Role"]
    # Actors only: the street, the top score overall, is a place and not ranked.
    assert "万寿路街道" not in [r[1] for r in hubs.rows]
    assert hubs.rows[0][2] in ("resident unit", "coordination committee", "social organization")


def test_an_unknown_language_is_a_library_error(g):
    with pytest.raises(GraphmodelError, match="fr"):
        build_report(g, Policy(), DAY, lang="fr")


def test_long_lists_are_cut_and_say_so(g):
    # All four communities have too few social organizations: one is listed, three are not.
    report = build_report(g, Policy(), DAY, limit=1)
    gaps = _section(report, "gaps")
    cut = [table for caption, table in gaps.tables if caption.startswith("社区社会组织不足")]
    assert len(cut[0].rows) == 1 and cut[0].left_out == 3


def test_report_command(g, tmp_path):
    db = tmp_path / "g.json"
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["report", "--out", str(out), "--db", str(db), "--as-of", "2024-01-01", "--lang", "en"],
    )
    assert result.exit_code == 0, result.output
    assert (out / "index.html").exists()
    assert "## Coverage by street" in (out / "index.md").read_text(encoding="utf-8")
    bad = CliRunner().invoke(
        main, ["report", "--out", str(out), "--db", str(db), "--policy", str(tmp_path / "no.toml")]
    )
    assert bad.exit_code == 1
    assert "无法读取政策文件" in bad.output
