"""``graphmodel hubs`` and ``graphmodel reach``: who holds the network together, and how far an
actor reaches."""

from __future__ import annotations

import datetime as dt

import click

from graphmodel.analysis.betweenness import EXACT_LIMIT, SAMPLE
from graphmodel.cli.options import (
    as_of_option,
    emit_csv,
    emit_json,
    output_options,
    store_options,
)
from graphmodel.cli.render import console, print_table
from graphmodel.store import StoreConfig, open_store

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
)
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
@as_of_option
@store_options
@output_options
def hubs(
    top: int,
    exact_limit: int,
    sample: int,
    seed: int,
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
    from graphmodel.report.text import words

    with open_store(store_config) as store:
        g = store.graph()
    net = actor_graph(g, as_of)
    report = rank_hubs(
        g, as_of, top=top, exact_limit=exact_limit, sample=sample, seed=seed, net=net
    )
    points = single_points_of_failure(g, as_of, net=net)
    if fmt == "json":
        emit_json({**report.to_dict(), "points_of_failure": [p.to_dict() for p in points]})
        return
    if fmt == "csv":
        emit_csv(
            [
                {
                    **h.to_dict(),
                    "degree_by_kind": ";".join(f"{k}={v}" for k, v in h.degree_by_kind.items()),
                    "brokered_streets": ";".join(h.brokered_streets),
                    "orgs": ";".join(h.orgs),
                }
                for h in report.hubs
            ],
            HUB_FIELDS,
        )
        return
    w = words("zh")
    table = hub_table(report, "zh")
    print_table(f"{w['hubs']} Hubs ({report.as_of})", table.headers, table.rows)
    if report.betweenness_method == "exact":
        console.print(w["exact"].format(actors=report.actors, ties=report.ties))
    else:
        console.print(
            w["sampled"].format(
                sample=report.sample, seed=report.seed, actors=report.actors, ties=report.ties
            )
        )
    cutting = point_table(points, "zh")
    print_table(f"{w['spof']} Single points of failure", cutting.headers, cutting.rows)
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
@as_of_option
@store_options
@output_options
def reach_cmd(
    name_or_id: str, hops: int, as_of: dt.date, store_config: StoreConfig, fmt: str
) -> None:
    """Communities (and residents) a unit, committee, party organization or street reaches.

    NAME_OR_ID is an id, or a name only one such record has. Paths go through pairings,
    committee membership, service (社会组织) and dual reporting (双报到); a party
    organization and the unit, community or street it belongs to are one actor, so the tie
    between them is not a hop.

    \b
    Example:
        graphmodel reach 中国科学院某研究所 --hops 2
    """
    from graphmodel.analysis.reach import reach
    from graphmodel.report.tables import reach_table
    from graphmodel.report.text import label_name, words

    with open_store(store_config) as store:
        result = reach(store.graph(), name_or_id, as_of, hops=hops)
    if fmt == "json":
        emit_json(result.to_dict())
        return
    if fmt == "csv":
        rows = [
            {
                "street": s.id,
                "street_name": s.name,
                **c.to_dict(),
                "path": ";".join(c.path),
                "kinds": ";".join(c.kinds),
            }
            for s in result.streets
            for c in s.communities
        ]
        emit_csv(rows, REACH_FIELDS)
        return
    w = words("zh")
    table = reach_table(result, "zh")
    print_table(f"{w['reach']} Reach ({result.as_of})", table.headers, table.rows)
    console.print(
        w["reach_summary"].format(
            name=result.name,
            label=label_name(result.label, "zh"),
            hops=result.hops,
            communities=result.communities,
            population=result.population,
            known=result.population_known,
        )
    )


COMMANDS = (hubs, reach_cmd)
