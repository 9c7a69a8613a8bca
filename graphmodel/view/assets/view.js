// The page script of `graphmodel view` (graphmodel/view/__init__.py builds the page): reads
// the inlined data, draws it with sigma.js on graphology, and wires search, filters and the
// details panel. No request leaves the page.
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("data").textContent);
  // Every word the page shows comes from graphmodel.vocabulary (view_words), in the
  // language the page was made in; t() fills a text's {placeholders}.
  const W = D.words;
  const KIND_NAMES = W.kinds;
  const TIE_NAMES = W.ties;
  function t(key, vars) {
    return W[key].replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? vars[k] : m));
  }
  const KIND_COLORS = {
    Community: "#1c71d8", MemberUnit: "#e66100", SocialOrg: "#2ec27e",
    Committee: "#813d9c", Street: "#3d3846", PartyOrg: "#986a44",
  };
  const KIND_SIZES = { Community: 5, MemberUnit: 3.5, SocialOrg: 2, Committee: 5, Street: 9, PartyOrg: 2 };
  const TIE_COLORS = {
    PAIRED_WITH: "#e66100", REPORTS_TO: "#c64600", MEMBER_OF: "#9141ac", CONVENED_BY: "#9141ac",
    COVERS: "#c0a7d0", SERVES: "#8ff0a4", LEADS: "#cdab8f", BELONGS_TO: "#cdab8f",
    PART_OF: "#deddda", LOCATED_IN: "#deddda",
  };
  const TIES_OFF = new Set(["PART_OF", "LOCATED_IN", "BELONGS_TO"]);
  const GAP_COLOR = "#e01b24";
  const asOf = D.meta.as_of;

  const graph = new graphology.MultiUndirectedGraph();
  D.nodes.forEach((n, i) => {
    const kind = D.kinds[n[2]];
    graph.addNode(i, {
      x: n[3], y: n[4], label: n[1], kind: kind, size: KIND_SIZES[kind],
      color: KIND_COLORS[kind], gap: !!D.gaps[i],
    });
  });
  D.edges.forEach((e, j) => {
    const tie = D.ties[e[2]];
    const ended = e[4] && e[4] <= asOf;
    graph.addEdgeWithKey(j, e[0], e[1], {
      tie: tie, color: ended ? "#e8e8e8" : TIE_COLORS[tie],
      size: tie === "PAIRED_WITH" ? (ended ? 0.6 : 1.6) : 0.6,
    });
  });

  const shownKinds = new Set(D.kinds);
  const shownTies = new Set(D.ties.filter((t) => !TIES_OFF.has(t)));
  let showGaps = true;
  let selected = null;
  let neighbours = new Set();

  const renderer = new Sigma(graph, document.getElementById("graph"), {
    itemSizesReference: "screen",
    hideEdgesOnMove: graph.size > 20000,
    labelDensity: 0.6,
    labelRenderedSizeThreshold: 7,
    labelFont: getComputedStyle(document.body).fontFamily,
    zIndex: true,
    nodeReducer: (node, a) => {
      const r = { ...a };
      if (!shownKinds.has(a.kind)) r.hidden = true;
      if (showGaps && a.gap) r.color = GAP_COLOR;
      if (selected !== null) {
        if (node === selected) { r.highlighted = true; r.zIndex = 2; r.forceLabel = true; }
        else if (neighbours.has(node)) { r.zIndex = 1; r.forceLabel = true; }
        else { r.color = "#e4e4e4"; r.label = ""; r.zIndex = 0; }
      }
      return r;
    },
    edgeReducer: (edge, a) => {
      const r = { ...a };
      if (!shownTies.has(a.tie)) r.hidden = true;
      if (selected !== null) {
        const ends = graph.extremities(edge);
        if (ends[0] !== selected && ends[1] !== selected) r.color = "#f2f2f2";
        else r.size = Math.max(a.size, 1.5);
      }
      return r;
    },
  });

  // Legend and filters.
  const kindsBox = document.getElementById("kinds");
  const counts = {};
  graph.forEachNode((_, a) => { counts[a.kind] = (counts[a.kind] || 0) + 1; });
  D.kinds.forEach((k) => {
    kindsBox.insertAdjacentHTML("beforeend",
      `<label><input type="checkbox" data-kind="${k}" checked> <span class="dot" style="background:${KIND_COLORS[k]}"></span>${esc(KIND_NAMES[k])} <span class="muted">${counts[k] || 0}</span></label>`);
  });
  const tieCounts = {};
  graph.forEachEdge((_, a) => { tieCounts[a.tie] = (tieCounts[a.tie] || 0) + 1; });
  const tiesBox = document.getElementById("ties");
  D.ties.forEach((t) => {
    if (!tieCounts[t]) return;
    tiesBox.insertAdjacentHTML("beforeend",
      `<label><input type="checkbox" data-tie="${t}" ${shownTies.has(t) ? "checked" : ""}> <span class="line" style="background:${TIE_COLORS[t]}"></span>${esc(TIE_NAMES[t])} <span class="muted">${tieCounts[t]}</span></label>`);
  });
  kindsBox.addEventListener("change", (ev) => {
    const k = ev.target.dataset.kind;
    if (ev.target.checked) shownKinds.add(k); else shownKinds.delete(k);
    renderer.refresh();
  });
  tiesBox.addEventListener("change", (ev) => {
    const t = ev.target.dataset.tie;
    if (ev.target.checked) shownTies.add(t); else shownTies.delete(t);
    renderer.refresh();
  });
  document.getElementById("show-gaps").addEventListener("change", (ev) => {
    showGaps = ev.target.checked;
    renderer.refresh();
  });
  document.getElementById("meta").textContent =
    t("meta", { as_of: asOf, nodes: D.meta.nodes, edges: D.meta.edges, gaps: D.meta.gaps });

  // Search.
  const search = document.getElementById("search");
  const hits = document.getElementById("hits");
  search.addEventListener("input", () => {
    const q = search.value.trim();
    hits.innerHTML = "";
    if (!q) return;
    let found = 0;
    for (let i = 0; i < D.nodes.length && found < 30; i++) {
      if (D.nodes[i][1].includes(q)) {
        found++;
        const li = document.createElement("li");
        li.dataset.node = i;
        li.textContent = D.nodes[i][1] + " ";
        const small = document.createElement("small");
        small.textContent = KIND_NAMES[D.kinds[D.nodes[i][2]]] + (D.nodes[i][5] ? " · " + D.nodes[i][5] : "");
        li.appendChild(small);
        hits.appendChild(li);
      }
    }
    if (!found) hits.innerHTML = `<li class="muted">${esc(t("not_found"))}</li>`;
  });
  hits.addEventListener("click", (ev) => {
    const li = ev.target.closest("li");
    if (li && li.dataset.node !== undefined) select(li.dataset.node, true);
  });

  // Selection and details.
  renderer.on("clickNode", ({ node }) => select(node, false));
  renderer.on("clickStage", () => select(null, false));
  document.getElementById("details").addEventListener("click", (ev) => {
    const a = ev.target.closest("[data-node]");
    if (a) select(a.dataset.node, true);
  });

  function select(node, move) {
    selected = node === null ? null : String(node);
    neighbours = new Set(selected === null ? [] : graph.neighbors(selected));
    renderer.refresh();
    if (selected === null) return;
    if (move) {
      const p = renderer.getNodeDisplayData(selected);
      if (p) renderer.getCamera().animate({ x: p.x, y: p.y, ratio: 0.2 }, { duration: 400 });
    }
    details(Number(selected));
  }

  function esc(s) {
    return String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  }
  function link(i) {
    return `<span class="link" data-node="${i}">${esc(D.nodes[i][1])}</span>`;
  }

  function details(i) {
    const n = D.nodes[i];
    const kind = D.kinds[n[2]];
    let html = `<h2>${esc(n[1])}</h2><p>${esc(KIND_NAMES[kind])}${n[5] ? " · " + esc(n[5]) : ""}${n[6] ? "" : " · <b>" + esc(t("outside")) + "</b>"}</p>`;
    if (D.orgs[i]) html += `<p class="muted">${esc(t("party_orgs", { names: D.orgs[i].join(W.sep) }))}</p>`;
    const role = D.roles[i];
    if (role) {
      html += `<h2>${esc(t("hub_heading"))}</h2><ul>`;
      if (role.rank) html += `<li>${esc(t("hub_rank", role) + (role.streets ? t("hub_streets", role) : ""))}</li>`;
      if (role.cut_off.length) {
        const names = role.cut_off.slice(0, 10).join(W.sep) + (role.cut_off.length > 10 ? W.more : "");
        html += `<li class="gap">${esc(t("hub_cut", { n: role.cut_off.length, names: names }))}</li>`;
      }
      html += "</ul>";
    }
    const gaps = D.gaps[i];
    const none = `<p class="muted">${esc(t("none"))}</p>`;
    html += `<h2>${esc(t("gaps_heading"))}</h2>` + (gaps ? "<ul>" + gaps.map((g) => `<li class="gap">${esc(g)}</li>`).join("") + "</ul>" : none);
    const pairings = [];
    const others = {};
    graph.forEachEdge(String(i), (e, a, s, t) => {
      const other = Number(s) === i ? Number(t) : Number(s);
      const row = D.edges[Number(e)];
      if (a.tie === "PAIRED_WITH") pairings.push([other, row[3], row[4], row[5]]);
      else (others[a.tie] = others[a.tie] || []).push(other);
    });
    pairings.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    html += `<h2>${esc(t("pairings_heading", { n: pairings.length }))}</h2>`;
    if (pairings.length) {
      html += `<table><tr><th>${esc(t("partner"))}</th><th>${esc(t("pairing_kind"))}</th><th>${esc(t("period"))}</th></tr>`;
      for (const [other, since, until, kind] of pairings) {
        const ended = until && until <= asOf;
        html += `<tr class="${ended ? "ended" : ""}"><td>${link(other)}</td><td>${esc(kind)}</td><td>${esc(since || "?")} — ${esc(until || "")}${ended ? esc(t("ended")) : ""}</td></tr>`;
      }
      html += "</table>";
    } else html += none;
    for (const tie of D.ties) {
      const list = others[tie];
      if (!list) continue;
      const heading = TIE_NAMES[tie].charAt(0).toUpperCase() + TIE_NAMES[tie].slice(1);
      html += `<h2>${esc(t("tie_heading", { tie: heading, n: list.length }))}</h2><p>${list.slice(0, 40).map(link).join(esc(W.sep))}${list.length > 40 ? esc(W.more) : ""}</p>`;
    }
    document.getElementById("details").innerHTML = html;
  }

  window.graphmodelView = { graph: graph, renderer: renderer, select: select };
  renderer.once("afterRender", () => { window.viewReady = performance.now(); });
  renderer.refresh();
})();
