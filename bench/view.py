"""Which drawing library ``graphmodel view`` uses: sigma.js (WebGL) or cytoscape.js (canvas),
measured in headless Chromium on the same district data with the same precomputed positions;
then the page ``graphmodel view`` writes, on the same data.

For each library and each graph, a minimal page (the library, the data, no styling) is
written, opened from a file:// URL with every non-file request aborted, and timed:

- ``open``: navigation start to the end of the first complete render (``performance.now()``
  when the library reports it has drawn: sigma's ``afterRender``, cytoscape's ``render``);
- ``filter``: hiding every social organization and drawing again (what a kind filter does);
- ``zoom``: one camera zoom step and the redraw.

The page: ``open`` (to the first render), ``search`` (typing a name until the hits are
listed), ``select`` (clicking a hit until the details are shown and the graph redrawn),
``filter`` (unticking a kind and redrawing).

Median of ``--runs`` runs. sigma and graphology come from the package (``graphmodel/view/
assets``); cytoscape from npm (``npm install cytoscape@3.35.0`` in a scratch directory, ``--js`` its ``node_modules``)::

    graphmodel generate ledger-district --scale district --seed 1
    graphmodel load ledger-district --db district.db
    .venv/bin/python bench/view.py --db district.db --runs 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
from pathlib import Path

from graphmodel.analysis.policy import Policy
from graphmodel.analysis.scope import scope_graph
from graphmodel.store import StoreConfig, open_store
from graphmodel.view import build_view, view_data
from graphmodel.view.layout import layout

ASSETS = Path(__file__).resolve().parent.parent / "graphmodel" / "view" / "assets"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]

SIGMA = """<div id=c style="width:1400px;height:900px"></div><script>%(lib)s</script><script>
const D = %(data)s; const t0 = performance.now();
const g = new graphology.MultiDirectedGraph();
D.nodes.forEach((n, i) => g.addNode(i, {x: n[3], y: n[4], size: 2, label: n[1], kind: n[2],
  color: '#888'}));
D.edges.forEach((e) => g.addEdge(e[0], e[1], {size: 0.5, color: '#ccc'}));
const s = new Sigma(g, document.getElementById('c'), {hideEdgesOnMove: true});
window.hide = new Set();
s.setSetting('nodeReducer', (n, a) => window.hide.has(a.kind) ? {...a, hidden: true} : a);
window.done = performance.now();
window.filter = () => { const t = performance.now(); window.hide.add('SocialOrg'); s.refresh();
  return performance.now() - t; };
window.zoom = () => new Promise(r => { const t = performance.now();
  s.once('afterRender', () => r(performance.now() - t));
  s.getCamera().setState({ratio: 0.5}); });
</script>"""

CYTOSCAPE = """<div id=c style="width:1400px;height:900px"></div><script>%(lib)s</script><script>
const D = %(data)s;
const els = D.nodes.map((n, i) => ({group: 'nodes', data: {id: 'n' + i, label: n[1],
  kind: n[2]}, position: {x: n[3] * 20, y: -n[4] * 20}}));
D.edges.forEach((e, i) => els.push({group: 'edges', data: {id: 'e' + i, source: 'n' + e[0],
  target: 'n' + e[1]}}));
const cy = cytoscape({container: document.getElementById('c'), elements: els,
  layout: {name: 'preset'}, hideEdgesOnViewport: true, textureOnViewport: true,
  style: [{selector: 'node', style: {width: 4, height: 4, label: 'data(label)',
  'font-size': 3, 'min-zoomed-font-size': 8}}, {selector: 'edge', style: {width: 0.5}}]});
cy.one('render', () => { window.done = performance.now(); });
window.filter = () => { const t = performance.now();
  cy.nodes('[kind = "SocialOrg"]').style('display', 'none');
  return new Promise(r => cy.one('render', () => r(performance.now() - t))); };
window.zoom = () => new Promise(r => { const t = performance.now();
  cy.one('render', () => r(performance.now() - t)); cy.zoom(cy.zoom() * 2); });
</script>"""


def page(template: str, lib: str, data: dict) -> str:
    return "<!doctype html><meta charset=utf-8>" + template % {
        "lib": lib,
        "data": json.dumps(data, ensure_ascii=False),
    }


def _graph(db: Path):
    with open_store(StoreConfig(store="embedded", db=str(db))) as store:
        return store.graph()


def graph_data(db: Path, fold: bool) -> dict:
    g = scope_graph(_graph(db), fold=fold)
    keep = [n for n, d in g.nodes(data=True) if d.get("label") not in ("Grid", "District")]
    if not fold:
        keep = list(g)
    g = g.subgraph(keep)
    pos = layout(g)
    index = {n: i for i, n in enumerate(g)}
    nodes = [[n, d.get("name", ""), d.get("label", ""), *pos[n]] for n, d in g.nodes(data=True)]
    edges = [[index[u], index[v], t] for u, v, t in g.edges(data="type")]
    return {"nodes": nodes, "edges": edges}


def measure(html: Path, runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    found: dict[str, list[float]] = {"open": [], "filter": [], "zoom": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(runs):
            pg = browser.new_page(viewport={"width": 1400, "height": 900})
            pg.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
            )
            pg.goto(html.as_uri())
            pg.wait_for_function("window.done !== undefined", timeout=120_000)
            found["open"].append(pg.evaluate("window.done"))
            found["filter"].append(pg.evaluate("window.filter()"))
            found["zoom"].append(pg.evaluate("window.zoom()"))
            pg.close()
        browser.close()
    return {k: statistics.median(v) for k, v in found.items()}


PAGE_STEPS = {
    "search": """async () => { const t = performance.now(); const s = document.getElementById('search');
        s.value = '合成1社区'; s.dispatchEvent(new Event('input'));
        return performance.now() - t; }""",
    "select": """() => new Promise(r => { const t = performance.now();
        document.querySelector('#hits li').click();
        requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now() - t))); })""",
    "filter": """() => new Promise(r => { const t = performance.now();
        document.querySelector('input[data-kind=SocialOrg]').click();
        requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now() - t))); })""",
}


def measure_page(html: Path, runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    found: dict[str, list[float]] = {"open": [], **{k: [] for k in PAGE_STEPS}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(runs):
            pg = browser.new_page(viewport={"width": 1600, "height": 1000})
            pg.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
            )
            pg.goto(html.as_uri())
            pg.wait_for_function("window.viewReady !== undefined", timeout=120_000)
            found["open"].append(pg.evaluate("window.viewReady"))
            for step, script in PAGE_STEPS.items():
                found[step].append(pg.evaluate(script))
            pg.close()
        browser.close()
    return {k: statistics.median(v) for k, v in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="embedded store of the ledger")
    parser.add_argument("--js", type=Path, required=True, help="node_modules holding cytoscape")
    parser.add_argument("--page-only", action="store_true", help="only the real page")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    libs = {
        "sigma 3 + graphology": (
            SIGMA,
            (ASSETS / "graphology.min.js").read_text()
            + "\n"
            + (ASSETS / "sigma.min.js").read_text(),
        ),
        "cytoscape 3": (CYTOSCAPE, (args.js / "cytoscape/dist/cytoscape.min.js").read_text()),
    }
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "view.html"
        data = view_data(_graph(args.db), Policy(), dt.date.today())
        html.write_text(build_view(data), encoding="utf-8")
        ms = measure_page(html, args.runs)
        size = f"{data['meta']['nodes']:,} nodes, {data['meta']['edges']:,} ties"
        print(
            f"| graphmodel view ({size}, {html.stat().st_size / 1e6:.1f} MB) | "
            + " | ".join(f"{ms[k]:,.0f}" for k in ("open", "search", "select", "filter"))
            + " |",
            flush=True,
        )
        if args.page_only:
            return
        for fold in (True, False):
            data = graph_data(args.db, fold)
            size = f"{len(data['nodes']):,} nodes, {len(data['edges']):,} edges"
            for name, (template, lib) in libs.items():
                html = Path(tmp) / "page.html"
                html.write_text(page(template, lib, data), encoding="utf-8")
                ms = measure(html, args.runs)
                print(
                    f"| {'folded' if fold else 'whole'} ({size}) | {name} | "
                    + " | ".join(f"{ms[k]:,.0f}" for k in ("open", "filter", "zoom"))
                    + " |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
