"""The report's pictures of the network: one street drawn actor by actor, or a wider area
drawn street by street.

A street (``street_figure``) is drawn on the graph with the party organizations folded into
their owners (``analysis.folding.fold_party_orgs``), so a pairing is a line between the unit
and the community it joins:

- communities on the middle ring, in name order, their names inside the ring;
- resident units on the outer ring, each placed next to the communities it is paired with
  (ordered by the mean angle of its partners), names outside the ring; a unit of another street
  paired with one of the street's communities is drawn too;
- committees tied to the communities they cover and the units that are members;
- social organizations serving one or two communities as small unnamed dots between the
  (first) community they serve and the units, fanned out; a community's own committee as a
  small purple dot beside it; committees and social organizations of three or more
  communities (the street's platforms) in the centre, named;
- colour by kind; gaps marked: an unpaired community (``unpaired_community``) is a hollow red
  ring with a red name, a unit working alone (``working_alone``) a hollow grey dot.

Ties are those in force on the as-of date (``network.is_active``). The layout needs no
iteration and gives every label its own slot on its ring, so names stay legible up to a street
of 30 communities and 100 units (font size shrinks with the number of names).

A district or the whole store (``overview_figure``) is drawn street by street: each street a
node (its size the number of communities, its colour the share of them paired, grey where
pairings were not recorded) on a ring of its district, the districts' rings around a circle;
each tie between two streets an edge (a unit of one paired with a community of the other, a
committee covering both, a unit member of a committee of the other), its width the number of
such ties.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import matplotlib
import networkx as nx
from matplotlib.lines import Line2D

from graphmodel.analysis.gaps import Gap
from graphmodel.analysis.network import is_active, street_index
from graphmodel.report.charts import _figure, _png, _style
from graphmodel.report.coverage import StreetCoverage
from graphmodel.report.fonts import ChartFont
from graphmodel.schema import Label, Rel
from graphmodel.vocabulary import label_name, report_words, tie_name

__all__ = ["COLORS", "Drawing", "overview_figure", "street_figure"]

COLORS = {
    Label.COMMUNITY: "#e67e22",
    Label.MEMBER_UNIT: "#2471a3",
    Label.SOCIAL_ORG: "#27ae60",
    Label.COMMITTEE: "#8e44ad",
    Label.STREET: "#7f8c8d",
}
"""Colour by kind."""

GAP_COLOR = "#c0392b"

_TIE_STYLE = {
    Rel.PAIRED_WITH: ("#2471a3", 1.1, 0.75),
    Rel.MEMBER_OF: ("#8e44ad", 0.6, 0.35),
    Rel.COVERS: ("#8e44ad", 0.6, 0.35),
    Rel.SERVES: ("#27ae60", 0.5, 0.5),
}


class Drawing:
    """The actors and ties of one street on one date, read from the folded graph
    (``where`` is ``network.street_index`` of it, when the caller draws several streets).

    ``communities``, ``units``, ``social``, ``committees`` are ids; ``ties`` (a, b, type)
    pairs with the community (or committee) second.
    """

    def __init__(
        self,
        folded: nx.MultiDiGraph,
        street: str,
        as_of: dt.date,
        where: dict[str, str | None] | None = None,
    ) -> None:
        self.g = folded
        where = street_index(folded) if where is None else where
        self.communities = sorted(
            (
                u
                for u, _, rel in folded.in_edges(street, data="type")
                if rel == Rel.PART_OF and folded.nodes[u].get("label") == Label.COMMUNITY
            ),
            key=self.name,
        )
        inside = set(self.communities)
        units: set[str] = {
            u
            for u, _, rel in folded.in_edges(street, data="type")
            if rel == Rel.LOCATED_IN and folded.nodes[u].get("label") == Label.MEMBER_UNIT
        }
        committees: set[str] = set()
        social: set[str] = set()
        ties: set[tuple[str, str, str]] = set()
        for c in [street, *self.communities]:
            for u, _, data in folded.in_edges(c, data=True):
                rel, label = data.get("type"), folded.nodes[u].get("label")
                if rel == Rel.COVERS and label == Label.COMMITTEE:
                    committees.add(u)
                    if c in inside:
                        ties.add((u, c, rel))
                elif rel == Rel.SERVES and label == Label.SOCIAL_ORG and c in inside:
                    social.add(u)
                    ties.add((u, c, rel))
                elif (
                    rel == Rel.PAIRED_WITH
                    and label == Label.MEMBER_UNIT
                    and c in inside
                    and is_active(data, as_of)
                ):
                    units.add(u)
                    ties.add((u, c, rel))
        for k in committees:
            for u, _, data in folded.in_edges(k, data=True):
                member = data.get("type") == Rel.MEMBER_OF and is_active(data, as_of)
                here = u in units or where.get(u) == street
                if member and here and folded.nodes[u].get("label") == Label.MEMBER_UNIT:
                    units.add(u)
                    ties.add((u, k, Rel.MEMBER_OF))
        self.units = sorted(units)
        self.social = sorted(social)
        self.committees = sorted(committees, key=self.name)
        self.ties = sorted(ties)

    def name(self, node: str) -> str:
        """The node's name (its id when it has none)."""
        return str(self.g.nodes[node].get("name", node))

    def label(self, node: str, street: str) -> str:
        """The name drawn on the figure of ``street``: without the street's name in front
        (``大雁塔街道第13社区`` -> ``第13社区``), which the title already says."""
        name, prefix = self.name(node), self.name(street)
        return (
            name[len(prefix) :] if name.startswith(prefix) and len(name) > len(prefix) + 1 else name
        )

    @property
    def size(self) -> int:
        """Communities plus units: what the ring layout must give a slot to."""
        return len(self.communities) + len(self.units)


def street_figure(
    folded: nx.MultiDiGraph,
    street: str,
    as_of: dt.date,
    gaps: Iterable[Gap],
    lang: str,
    font: ChartFont,
    where: dict[str, str | None] | None = None,
) -> bytes | None:
    """The PNG of one street's network (module docstring); ``None`` for a street without
    communities. ``folded`` is ``fold_party_orgs(g)``, ``where`` its ``street_index``;
    ``gaps`` those in scope."""
    d = Drawing(folded, street, as_of, where)
    if not d.communities:
        return None
    marks = {(gap.rule, gap.node_id) for gap in gaps}
    unpaired = {c for c in d.communities if ("unpaired_community", c) in marks}
    alone = {u for u in d.units if ("working_alone", u) in marks}
    pos: dict[str, tuple[float, float]] = {}
    angle: dict[str, float] = {}
    nc = len(d.communities)
    for i, c in enumerate(d.communities):
        angle[c] = math.pi / 2 - 2 * math.pi * i / nc
        pos[c] = (0.62 * math.cos(angle[c]), 0.62 * math.sin(angle[c]))
    partners: dict[str, list[float]] = {}
    for a, b, rel in d.ties:
        if rel == Rel.PAIRED_WITH:
            partners.setdefault(a, []).append(angle[b])
    for u, slot in _slots(d.units, partners, d.name).items():
        angle[u] = slot
        pos[u] = (math.cos(slot), math.sin(slot))
    covered: dict[str, list[str]] = {}
    for a, b, rel in d.ties:
        if rel == Rel.COVERS:
            covered.setdefault(a, []).append(b)
    served: dict[str, list[str]] = {}
    serving: dict[str, list[str]] = {}
    for a, b, rel in d.ties:
        if rel == Rel.SERVES:
            serving.setdefault(a, []).append(b)
    # Committees of one community and social organizations of one or two sit beside them;
    # those of several communities, the platforms of the street, sit in the centre, named.
    central = [k for k in d.committees if len(covered.get(k, [])) != 1]
    central += sorted((o for o in d.social if len(serving.get(o, [])) > 2), key=d.name)
    for k in d.committees:
        if k not in central:
            t = angle[covered[k][0]]
            pos[k] = (0.7 * math.cos(t), 0.7 * math.sin(t))
    for o in d.social:
        if o not in central:
            served.setdefault(min(serving[o], key=d.communities.index), []).append(o)
    for i, k in enumerate(central):
        spread = 0.2 if len(central) > 1 else 0.0
        t = math.pi / 2 - 2 * math.pi * i / max(1, len(central))
        pos[k] = (spread * math.cos(t), spread * math.sin(t))
        angle[k] = t
    for c, orgs in served.items():
        for j, o in enumerate(sorted(orgs)):
            fan = (j - (len(orgs) - 1) / 2) * min(0.05, 1.2 / nc / max(1, len(orgs)))
            t = angle[c] + fan
            r = 0.8 + 0.035 * (j % 3)
            pos[o] = (r * math.cos(t), r * math.sin(t))

    names = d.size + len(d.committees)
    size = max(5.5, min(10.0, 11.5 - names / 20))
    w = report_words(lang)
    with _style(font):
        fig, ax = _figure(10, 10, dpi=150)
        ax.set_axis_off()
        ax.set_aspect("equal")
        for a, b, rel in d.ties:
            color, width, alpha = _TIE_STYLE[rel]
            (x0, y0), (x1, y1) = pos[a], pos[b]
            ax.plot([x0, x1], [y0, y1], color=color, lw=width, alpha=alpha, zorder=1)
        for kind, nodes, r in (
            (Label.SOCIAL_ORG, [o for o in d.social if o not in central], 14),
            (Label.SOCIAL_ORG, [o for o in d.social if o in central], 120),
            (Label.COMMITTEE, [k for k in central if k in d.committees], 120),
            (Label.COMMITTEE, [k for k in d.committees if k not in central], 22),
            (Label.COMMUNITY, d.communities, 70),
            (Label.MEMBER_UNIT, d.units, 40),
        ):
            filled = [n for n in nodes if n not in unpaired and n not in alone]
            ax.scatter(
                [pos[n][0] for n in filled],
                [pos[n][1] for n in filled],
                s=r,
                c=COLORS[kind],
                edgecolors="white",
                linewidths=0.6,
                zorder=3,
            )
        ax.scatter(
            [pos[c][0] for c in unpaired],
            [pos[c][1] for c in unpaired],
            s=90,
            facecolors="white",
            edgecolors=GAP_COLOR,
            linewidths=2,
            zorder=4,
        )
        ax.scatter(
            [pos[u][0] for u in alone],
            [pos[u][1] for u in alone],
            s=40,
            facecolors="white",
            edgecolors="#7f8c8d",
            linewidths=1.2,
            zorder=4,
        )
        for c in d.communities:
            _radial_label(
                ax,
                pos[c],
                angle[c],
                d.label(c, street),
                size,
                inward=True,
                color=_text_color(c in unpaired),
            )
        for u in d.units:
            _radial_label(ax, pos[u], angle[u], d.label(u, street), size * 0.92, inward=False)
        for k in central:
            x, y = pos[k]
            left = x < -1e-9
            ax.annotate(
                d.label(k, street),
                (x, y),
                xytext=(-7 if left else 7, 0) if len(central) > 1 else (0, -9),
                textcoords="offset points",
                ha=("right" if left else "left") if len(central) > 1 else "center",
                va="center" if len(central) > 1 else "top",
                fontsize=size,
                color=COLORS[d.g.nodes[k].get("label", Label.COMMITTEE)],
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
                zorder=6,
            )
        ax.set_xlim(-1.45, 1.45)
        ax.set_ylim(-1.45, 1.45)
        street_name = d.name(street)
        ax.set_title(
            w["figure_street"].format(
                street=street_name,
                communities=len(d.communities),
                units=len(d.units),
                social=len(d.social),
                committees=len(d.committees),
            ),
            fontsize=12,
        )
        ax.legend(
            handles=_legend(lang, bool(unpaired), bool(alone)),
            loc="lower center",
            bbox_to_anchor=(0.5, -0.04),
            ncol=4,
            fontsize=8.5,
            frameon=False,
        )
        return _png(fig)


def overview_figure(
    folded: nx.MultiDiGraph,
    streets: Sequence[StreetCoverage],
    as_of: dt.date,
    lang: str,
    font: ChartFont,
    title: str,
) -> bytes | None:
    """The PNG of an area drawn street by street (module docstring); ``None`` with fewer than
    two streets that have communities. ``folded`` is ``fold_party_orgs(g)``."""
    shown = [s for s in streets if s.communities]
    if len(shown) < 2:
        return None
    ids = {s.id for s in shown}
    weights = _street_ties(folded, ids, as_of)
    groups: dict[str, list[StreetCoverage]] = {}
    for street in sorted(shown, key=lambda r: (r.district, r.name, r.id)):
        groups.setdefault(street.district, []).append(street)
    layout, angle, centres = _district_rings(groups)
    top = max(s.communities for s in shown)
    wmax = max(weights.values(), default=1)
    cmap = matplotlib.colormaps["RdYlGn"]
    size = max(5.5, min(9.0, 10.5 - len(shown) / 12))
    w = report_words(lang)
    with _style(font):
        fig, ax = _figure(10, 10, dpi=150)
        ax.set_axis_off()
        ax.set_aspect("equal")
        for (a, b), n in weights.items():
            (x0, y0), (x1, y1) = layout[a], layout[b]
            ax.plot(
                [x0, x1],
                [y0, y1],
                color="#5d6d7e",
                lw=0.6 + 4 * n / wmax,
                alpha=0.55,
                zorder=1,
            )
        for s in shown:
            rate = s.paired_rate
            color = "#bdc3c7" if rate is None else cmap(rate)
            ax.scatter(
                [layout[s.id][0]],
                [layout[s.id][1]],
                s=30 + 300 * s.communities / top,
                c=[color],
                edgecolors="#555",
                zorder=3,
            )
            _radial_label(ax, layout[s.id], angle[s.id], s.name, size, inward=False, gap=0.05)
        if len(groups) > 1:
            for district, (x, y) in centres.items():
                ax.text(x, y, district, ha="center", va="center", fontsize=13, color="#7f8c8d")
        handles = [
            Line2D([], [], marker="o", ls="", color=cmap(0.0), label=w["legend_none_paired"]),
            Line2D([], [], marker="o", ls="", color=cmap(1.0), label=w["legend_all_paired"]),
            Line2D([], [], marker="o", ls="", color="#bdc3c7", label=w["not_recorded"]),
            Line2D([], [], color="#5d6d7e", lw=2, label=w["legend_street_ties"]),
        ]
        ax.legend(
            handles=handles,
            loc="lower center",
            ncol=4,
            frameon=False,
            fontsize=8.5,
            bbox_to_anchor=(0.5, -0.03),
        )
        ax.set_title(title, fontsize=12)
        reach = max(max(abs(x), abs(y)) for x, y in layout.values()) + 0.5
        ax.set_xlim(-reach, reach)
        ax.set_ylim(-reach - 0.1, reach)
        return _png(fig)


def _district_rings(
    groups: dict[str, list[StreetCoverage]],
) -> tuple[dict[str, tuple[float, float]], dict[str, float], dict[str, tuple[float, float]]]:
    """Positions for the overview: each district's streets on a ring of their own (its size
    grows with the number of streets), the districts' rings around a circle; returns the
    positions and angles (on its ring) of the streets, and each ring's centre."""
    layout: dict[str, tuple[float, float]] = {}
    angle: dict[str, float] = {}
    centres: dict[str, tuple[float, float]] = {}
    many = len(groups) > 1
    big = math.pi / len(groups)
    for i, (district, streets) in enumerate(groups.items()):
        t = math.pi / 2 - 2 * big * i
        cx, cy = (math.cos(t), math.sin(t)) if many else (0.0, 0.0)
        radius = min(0.8 * math.sin(big), 0.08 + 0.02 * len(streets)) if many else 1.0
        if len(streets) == 1:
            radius = 0.0
        centres[district] = (cx, cy - 0.12) if len(streets) == 1 else (cx, cy)
        for j, street in enumerate(streets):
            a = math.pi / 2 - 2 * math.pi * j / len(streets)
            if len(streets) == 1:
                a = t
            layout[street.id] = (cx + radius * math.cos(a), cy + radius * math.sin(a))
            angle[street.id] = a
    return layout, angle, centres


def _street_ties(
    folded: nx.MultiDiGraph, streets: set[str], as_of: dt.date
) -> Counter[tuple[str, str]]:
    """Ties between two streets of ``streets`` in the folded graph: pairings across them,
    committees covering both, memberships of a unit in a committee of the other."""
    where = street_index(folded)
    found: Counter[tuple[str, str]] = Counter()
    covers: dict[str, set[str]] = {}
    for u, v, rel in folded.edges(data="type"):
        if rel == Rel.COVERS and where.get(v) in streets:
            covers.setdefault(u, set()).add(where[v] or "")
    for u, v, data in folded.edges(data=True):
        rel = data.get("type")
        if rel not in (Rel.PAIRED_WITH, Rel.MEMBER_OF) or not is_active(data, as_of):
            continue
        a = where.get(u)
        ends = {where.get(v)} if rel == Rel.PAIRED_WITH else covers.get(v, set())
        for b in ends:
            if a in streets and b in streets and a != b:
                found[(a, b) if a < b else (b, a)] += 1
    for areas in covers.values():
        ordered = sorted(areas)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                found[(a, b)] += 1
    return found


def _slots(
    units: Sequence[str], partners: dict[str, list[float]], name: Callable[[str], str]
) -> dict[str, float]:
    """An angle on the outer ring for each unit, one of ``len(units)`` evenly spaced slots:
    a paired unit takes the free slot nearest the mean angle of its partner communities (in
    clockwise order from the top), the others fill the free slots in name order."""
    n = len(units)
    if not n:
        return {}
    step = 2 * math.pi / n
    slot_angle = [math.pi / 2 - step * (i + 0.5) for i in range(n)]
    wanted = []
    for u in units:
        angles = partners.get(u)
        if angles:
            mean = math.atan2(sum(map(math.sin, angles)), sum(map(math.cos, angles)))
            wanted.append(((math.pi / 2 - mean) % (2 * math.pi), name(u), u))
    free = set(range(n))
    placed: dict[str, float] = {}
    for clockwise, _, u in sorted(wanted):
        best = min(free, key=lambda i: _circular(i, clockwise / step - 0.5, n))
        free.discard(best)
        placed[u] = slot_angle[best]
    rest = sorted((u for u in units if u not in placed), key=name)
    for u, i in zip(rest, sorted(free), strict=True):
        placed[u] = slot_angle[i]
    return placed


def _circular(i: int, target: float, n: int) -> float:
    d = abs(i - target) % n
    return min(d, n - d)


def _text_color(gap: bool) -> str:
    return GAP_COLOR if gap else "#222"


def _radial_label(
    ax: object,
    xy: tuple[float, float],
    angle: float,
    text: str,
    size: float,
    inward: bool,
    color: str = "#222",
    gap: float = 0.035,
) -> None:
    """A name along the radius at ``xy``: outward beyond the ring, or inward into it; turned
    so that it never reads upside down."""
    degrees = math.degrees(angle) % 360
    left_half = 90 < degrees < 270
    rotation = degrees - 180 if left_half else degrees
    outward_ha = "right" if left_half else "left"
    inward_ha = "left" if left_half else "right"
    direction = -1 if inward else 1
    x = xy[0] + direction * gap * math.cos(angle)
    y = xy[1] + direction * gap * math.sin(angle)
    ax.text(  # type: ignore[attr-defined]
        x,
        y,
        text,
        rotation=rotation,
        rotation_mode="anchor",
        ha=inward_ha if inward else outward_ha,
        va="center",
        fontsize=size,
        color=color,
        zorder=5,
    )


def _legend(lang: str, unpaired: bool, alone: bool) -> list[Line2D]:
    w = report_words(lang)
    handles = [
        Line2D([], [], marker="o", ls="", color=COLORS[k], label=label_name(k, lang))
        for k in (Label.COMMUNITY, Label.MEMBER_UNIT, Label.SOCIAL_ORG, Label.COMMITTEE)
    ]
    handles += [
        Line2D([], [], color=_TIE_STYLE[t][0], lw=1.5, label=tie_name(t, lang))
        for t in (Rel.PAIRED_WITH, Rel.MEMBER_OF, Rel.SERVES)
    ]
    if unpaired:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                ls="",
                mfc="white",
                mec=GAP_COLOR,
                mew=2,
                label=w["legend_unpaired"],
            )
        )
    if alone:
        handles.append(
            Line2D([], [], marker="o", ls="", mfc="white", mec="#7f8c8d", label=w["legend_alone"])
        )
    return handles
