"""``graphmodel export`` (the network for Gephi, yEd and Cytoscape) and ``graphmodel view``
(an interactive page), of the whole store or a scope."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from graphmodel.analysis.policy import Policy
from graphmodel.cli.options import analysis_options, store_options
from graphmodel.store import StoreConfig

__all__ = ["COMMANDS"]

F = TypeVar("F", bound=Callable[..., Any])


def scope_options(func: F) -> F:
    """``--district``, ``--street``, or ``--around NAME --hops N`` (``analysis.scope``)."""
    func = click.option(
        "--hops",
        type=click.IntRange(min=0),
        default=2,
        show_default=True,
        help="With --around: how many steps of working ties.",
    )(func)
    func = click.option(
        "--around", metavar="NAME", help="Only the actors within --hops of this one (id or name)."
    )(func)
    func = click.option("--street", help="Only this street (id or unique name).")(func)
    return click.option("--district", help="Only this district (id or unique name).")(func)


def _scoped(store_config: StoreConfig, fold: bool, **scope: Any) -> Any:
    from graphmodel.analysis.scope import scope_graph
    from graphmodel.store import open_store

    with open_store(store_config) as store:
        g = store.graph()
    return scope_graph(g, fold=fold, **scope)


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "gexf", "csv"]),
    default="graphml",
    show_default=True,
    help="GraphML (Gephi, yEd, Cytoscape), GEXF (Gephi) or CSV tables (nodes.csv, edges.csv).",
)
@click.option(
    "--out",
    type=click.Path(),
    required=True,
    help="File to write (for csv: a directory that receives nodes.csv and edges.csv).",
)
@click.option(
    "--fold-party-orgs",
    is_flag=True,
    help="Fold each party organization into its unit, community, social organization or "
    "street: pairings then join the unit and the community.",
)
@scope_options
@store_options
def export(
    fmt: str,
    out: str,
    fold_party_orgs: bool,
    district: str | None,
    street: str | None,
    around: str | None,
    hops: int,
    store_config: StoreConfig,
) -> None:
    """Write the network (or a district, a street, or an actor's neighbourhood) for Gephi,
    yEd or Cytoscape.

    \b
    Example:
        graphmodel export --format gexf --district 东城区 --fold-party-orgs --out dc.gexf
        graphmodel export --format csv --around 建国门街道市级下沉单位01 --hops 2 --out around/
    """
    from graphmodel.export import export_graph

    g = _scoped(
        store_config, fold_party_orgs, district=district, street=street, around=around, hops=hops
    )
    written = export_graph(g, out, fmt)
    from graphmodel.cli.group import cli_lang
    from graphmodel.vocabulary import status_text

    click.echo(
        status_text(
            "export_written",
            cli_lang(),
            nodes=g.number_of_nodes(),
            edges=g.number_of_edges(),
            files=[str(p) for p in written],
        )
    )


@click.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    default="view.html",
    show_default=True,
    help="The page to write.",
)
@click.option("--title", default="", help="Page title [default: the scope].")
@scope_options
@analysis_options
@store_options
def view(
    out: str,
    title: str,
    district: str | None,
    street: str | None,
    around: str | None,
    hops: int,
    policy: Policy,
    as_of: Any,
    store_config: StoreConfig,
) -> None:
    """Write one self-contained HTML page to explore the network offline: search by name,
    filter by kind and tie, click for pairings with dates, gaps and hub role. Party
    organizations are folded into their units and communities. The page speaks the command
    line's language (--lang).

    \b
    Example:
        graphmodel view --street 建国门街道 --out jgm.html
        graphmodel view --around 站东社区 --hops 2 --out zd.html
    """
    from pathlib import Path

    from graphmodel.cli.group import cli_lang
    from graphmodel.store import open_store
    from graphmodel.view import build_view, view_data
    from graphmodel.vocabulary import status_text

    lang = cli_lang()
    with open_store(store_config) as store:
        g = store.graph()
    data = view_data(g, policy, as_of, district, street, around, hops, lang)
    Path(out).write_text(build_view(data, title), encoding="utf-8")
    meta = data["meta"]
    click.echo(
        status_text(
            "view_written",
            lang,
            nodes=meta["nodes"],
            edges=meta["edges"],
            gaps=meta["gaps"],
            out=out,
        )
    )


COMMANDS = (export, view)
