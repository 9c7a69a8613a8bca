"""``graphmodel hubs`` and ``graphmodel reach``: who holds the network together, and how far an
actor reaches."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from graphmodel.analysis.betweenness import EXACT_LIMIT, SAMPLE
from graphmodel.analysis.hubs import WEIGHTS
from graphmodel.cli.options import (
    analysis_options,
    as_of_option,
    cli_lang,
    emit_json,
    output_options,
    read_graph,
    store_options,
)
from graphmodel.cli.render import console, print_table
from graphmodel.cli.tables import Out, emit_tables
from graphmodel.store import StoreConfig
from graphmodel.vocabulary import label_name, name, tie_name, words

if TYPE_CHECKING:
    from graphmodel.analysis.policy import Policy

__all__ = ["COMMANDS", "hubs", "reach_cmd"]

HUB_FIELDS = (
    "rank",
    "id",
    "name",
    "label",
    "street",
    "street_name",
    "degree",
    "betweenness",
    "brokerage",
    "hub_score",
    "articulation",
    "degree_by_kind",
    "brokered_streets",
    "orgs",
    "delivered",
)
VIA_KINDS = ("pairing", "membership", "committee", "service", "report", "lead")
"""What --via may name: ``analysis.reach.VIA``'s keys (repeated here so that the command line
starts without importing the analyses; tests/test_cli_answers.py checks they agree)."""

DEFAULT_VIA = ("pairing", "membership", "service", "report")
"""``analysis.reach.DEFAULT_VIA``, for the same reason."""

POINT_FIELDS = ("point", "ids", "names", "ties", "count", "cut_off")
REACH_FIELDS = (
    "street",
    "street_name",
    "id",
    "name",
    "hops",
    "population",
    "path",
    "kinds",
)


@click.command()
@click.option(
    "--top", type=click.IntRange(min=1), default=20, show_default=True, help="Hubs shown."
)
@click.option(
    "--exact-limit",
    type=click.IntRange(min=0),
    default=EXACT_LIMIT,
    show_default=True,
    help="Exact betweenness in connected parts of up to this many actors; sampled above.",
)
@click.option(
    "--sample",
    type=click.IntRange(min=1),
    default=SAMPLE,
    show_default=True,
    help="Source actors sampled for betweenness in each part above --exact-limit.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the sample.")
@click.option(
    "--weigh",
    type=click.Choice(WEIGHTS),
    default="existence",
    show_default=True,
    help="Count ties by existence, or by the work delivered across them in the policy's "
    "work_period_days (projects, resolved needs; pairings on paper only do not count).",
)
@analysis_options
@store_options
@output_options
def hubs(
    top: int,
    exact_limit: int,
    sample: int,
    seed: int,
    weigh: str,
    policy: Policy,
    as_of: dt.date,
    store_config: StoreConfig,
    fmt: str,
) -> None:
    """Coordination hubs (度, 介数, 跨街道) and single points of failure (割点, 桥).

    A unit and its party organization count as one actor. The points of failure listed are
    those without which some community would lose every outside tie; --json lists every
    articulation point and bridge. --csv prints the hub table.

    \b
    Example:
        graphmodel hubs --top 10 --as-of 2023-06-30
    """
    from graphmodel.analysis.failure import single_points_of_failure
    from graphmodel.analysis.hubs import rank_hubs
    from graphmodel.analysis.network import actor_graph
    from graphmodel.report.tables import hub_table, point_table

    g = read_graph(store_config)
    net = actor_graph(g, as_of)
    report = rank_hubs(
        g,
        as_of,
        top=top,
        exact_limit=exact_limit,
        sample=sample,
        seed=seed,
        net=net,
        weigh=weigh,
        period_days=policy.work_period_days,
    )
    points = single_points_of_failure(g, as_of, net=net)
    lang = cli_lang()
    emit_tables(
        [
            Out(
                "hubs",
                HUB_FIELDS,
                [
                    {
                        **h.to_dict(),
                        "label": label_name(h.label, lang),
                        "degree_by_kind": [
                            f"{k}={v}" if lang == "en" else f"{tie_name(k, lang)} {v}"
                            for k, v in h.degree_by_kind.items()
                        ],
                    }
                    for h in report.hubs
                ],
            ),
            Out(
                "spof",
                POINT_FIELDS,
                [
                    {
                        "point": name("point", p.kind, lang),
                        "ids": p.ids,
                        "names": p.names,
                        "ties": [tie_name(t, lang) for t in p.ties],
                        "count": len(p.cut_off),
                        "cut_off": [c.name for c in p.cut_off],
                    }
                    for p in points
                ],
            ),
        ],
        fmt,
    )
    if fmt == "json":
        emit_json({**report.to_dict(), "points_of_failure": [p.to_dict() for p in points]})
        return
    if fmt == "csv":
        return
    w = words(lang)
    table = hub_table(report, lang)
    print_table(f"{w['hubs']} ({report.as_of})", table.headers, table.rows)
    if report.period_days is not None:
        console.print(w["weighed_delivered"].format(days=report.period_days))
    if report.betweenness_method == "exact":
        console.print(w["exact"].format(actors=report.actors, ties=report.ties))
    else:
        console.print(
            w["sampled"].format(
                sample=report.sample, seed=report.seed, actors=report.actors, ties=report.ties
            )
        )
    cutting = point_table(points, lang)
    print_table(w["spof"], cutting.headers, cutting.rows)
    console.print(
        w["spof_summary"].format(
            articulation=sum(1 for p in points if p.kind == "articulation"),
            bridges=sum(1 for p in points if p.kind == "bridge"),
            cutting=len(cutting.rows),
        )
    )


@click.command("reach")
@click.argument("name_or_id")
@click.option(
    "--hops",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Most ties a path uses.",
)
@click.option(
    "--via",
    default=",".join(DEFAULT_VIA),
    show_default=True,
    metavar="KINDS",
    help=f"Ties to follow, comma-separated, from: {', '.join(VIA_KINDS)}.",
)
@as_of_option
@store_options
@output_options
def reach_cmd(
    name_or_id: str, hops: int, via: str, as_of: dt.date, store_config: StoreConfig, fmt: str
) -> None:
    """Communities (and residents) a unit, committee, party organization or street reaches.

    NAME_OR_ID is an id, or a name only one such record has. Paths go through pairings,
    committee membership, social organizations' service and dual reporting unless --via says
    otherwise (committee: membership and the areas a committee covers; lead: a street's
    working committee leading its communities); a party organization and the unit, community
    or street it belongs to are one actor, so the tie between them is not a hop. When nothing
    is reached, the answer says why.

    \b
    Example:
        graphmodel reach 建国门街道市级下沉单位01 --hops 2
        graphmodel reach 万寿路街道 --via pairing,committee,report,lead
    """
    from graphmodel.analysis.reach import reach
    from graphmodel.report.tables import reach_table

    kinds = tuple(k.strip() for k in via.split(",") if k.strip())
    result = reach(read_graph(store_config), name_or_id, as_of, hops=hops, via=kinds)
    lang = cli_lang()
    rows = [
        {"street": s.id, "street_name": s.name, **c.to_dict()}
        for s in result.streets
        for c in s.communities
    ]
    emit_tables([Out("reach", REACH_FIELDS, rows)], fmt)
    if fmt == "json":
        emit_json(result.to_dict())
        return
    if fmt == "csv":
        return
    w = words(lang)
    table = reach_table(result, lang)
    print_table(f"{w['reach']} ({result.as_of})", table.headers, table.rows)
    label = label_name(result.label, lang)
    if result.communities:
        console.print(
            w["reach_summary"].format(
                name=result.name,
                label=label,
                hops=result.hops,
                communities=result.communities,
                population=result.population,
                known=result.population_known,
            )
        )
    else:
        console.print(w["reach_none"].format(name=result.name, label=label, hops=result.hops))
    sep = "、" if lang == "zh" else ", "
    console.print(w["reach_via"].format(via=sep.join(name("via", v, lang) for v in result.via)))
    if result.communities:
        return
    if result.nearest is not None:
        console.print(w["reach_nearest"].format(nearest=result.nearest))
    else:
        console.print(w["reach_unconnected"])
    if result.unfollowed:
        from graphmodel.analysis.reach import VIA

        wanted = [v for v in VIA if v not in result.via and set(VIA[v]) & set(result.unfollowed)]
        kept = [v for v in result.via if not (v == "membership" and "committee" in wanted)]
        ties = sep.join(f"{tie_name(t, lang)} {n}" for t, n in result.unfollowed.items())
        console.print(w["reach_unfollowed"].format(ties=ties, via=",".join([*kept, *wanted])))


COMMANDS = (hubs, reach_cmd)
