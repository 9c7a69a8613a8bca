"""``graphmodel analyze``: hub scores, articulation flags, gap flags and coverage figures,
shown or (``--write``) stored as properties on the nodes."""

from __future__ import annotations

import datetime as dt

import click

from graphmodel.analysis.policy import Policy
from graphmodel.cli.options import (
    analysis_options,
    cli_lang,
    emit_json,
    output_options,
    store_options,
)
from graphmodel.cli.render import print_table
from graphmodel.cli.tables import Out, emit_tables
from graphmodel.store import StoreConfig, open_store
from graphmodel.vocabulary import name, words

__all__ = ["COMMANDS"]

SUMMARY_FIELDS = (
    "as_of",
    "nodes_written",
    "nodes_cleared",
    "articulation_points",
    "flagged_nodes",
    "hub_high",
    "hub_mid",
)


@click.command()
@click.option(
    "--write",
    is_flag=True,
    help="Store the results on the nodes (replacing an earlier run's); without it, only show.",
)
@store_options
@analysis_options
@output_options
def analyze(
    write: bool, store_config: StoreConfig, as_of: dt.date, policy: Policy, fmt: str
) -> None:
    """Compute hub scores, articulation flags, gap flags and coverage figures per node.

    With --write they are stored as node properties (hub_score, betweenness, degree,
    articulation, hub_actor, cut_off_communities, gaps, coverage_*, analysis_date), so that
    Neo4j Browser and graphmodel query can size, colour and filter by them. A re-run
    replaces them, removing those a node no longer earns; nothing else changes. On Neo4j the
    top actors by hub score also get the labels HubHigh (1-10) and HubMid (11-50), which
    the Browser style draws larger.

    \b
    Example:
        graphmodel analyze --write --store neo4j --as-of 2023-06-30
    """
    from graphmodel.writeback import ANALYSIS_PROPS, analysis_properties, write_analysis

    with open_store(store_config) as store:
        if write and store_config.store == "neo4j":
            from graphmodel.store.neo4j import Neo4jStore

            assert isinstance(store, Neo4jStore)
            # The hub tier labels go through the store's own driver: one driver per command.
            summary = write_analysis(store, as_of, policy, store.driver, store.database).to_dict()
        elif write:
            summary = write_analysis(store, as_of, policy).to_dict()
        else:
            props = analysis_properties(store.graph(), as_of, policy)
            summary = {
                "as_of": as_of.isoformat(),
                "nodes_written": 0,
                "nodes_cleared": 0,
                "articulation_points": sum(
                    1 for v in props.values() if v.get("cut_off_communities")
                ),
                "flagged_nodes": sum(1 for v in props.values() if v.get("gaps")),
                "hub_high": 0,
                "hub_mid": 0,
            }
    emit_tables([Out("analysis_shown", SUMMARY_FIELDS, [summary])], fmt)
    if fmt == "json":
        emit_json(summary)
    elif fmt == "text":
        lang = cli_lang()
        w = words(lang)
        print_table(
            w["analysis_written" if write else "analysis_shown"],
            (w["item"], w["value"]),
            [(name("field", k, lang), summary[k]) for k in SUMMARY_FIELDS],
        )
        if write:
            click.echo(w["analysis_props"].format(props=", ".join(ANALYSIS_PROPS)))


COMMANDS = (analyze,)
