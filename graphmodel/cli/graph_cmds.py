"""``graphmodel stats`` and ``graphmodel pairings``: what is in the graph, and who pairs with whom."""

from __future__ import annotations

import datetime as dt

import click

from graphmodel.analysis.network import tie_status
from graphmodel.cli.options import (
    as_of_option,
    cli_lang,
    emit_json,
    output_options,
    store_options,
)
from graphmodel.cli.render import print_table
from graphmodel.cli.tables import Out, emit_tables
from graphmodel.errors import EmptyStore, NotFound
from graphmodel.schema import Label
from graphmodel.store import StoreConfig, open_store
from graphmodel.vocabulary import label_name, name, tie_name, words

AREA_FIELDS = (
    "id",
    "name",
    "parent",
    "streets",
    "communities",
    "paired_communities",
    "pairings",
    "committees",
    "social_orgs",
)
PARTNER_FIELDS = (
    "org_name",
    "partner_name",
    "owner_name",
    "owner_label",
    "kind",
    "since",
    "until",
    "status",
    "agreement",
    "org_id",
    "partner_id",
    "owner_id",
)


@click.command()
@store_options
@output_options
def stats(store_config: StoreConfig, fmt: str) -> None:
    """Counts per label and relationship type, and figures per district and street.

    \b
    Example:
        graphmodel stats --json
    """
    with open_store(store_config) as store:
        result = store.stats()
    if not result.labels:
        raise EmptyStore()
    lang = cli_lang()
    rows = [{"area": label_name(Label.DISTRICT, lang), **a.to_dict()} for a in result.districts]
    rows += [{"area": label_name(Label.STREET, lang), **a.to_dict()} for a in result.streets]
    emit_tables(
        [
            Out("stats_areas", ("area", *AREA_FIELDS), rows),
            Out(
                "stats_labels",
                ("label", "name", "count"),
                [
                    {"label": k, "name": label_name(k, lang), "count": v}
                    for k, v in sorted(result.labels.items())
                ],
            ),
            Out(
                "stats_ties",
                ("type", "name", "count"),
                [
                    {"type": k, "name": tie_name(k, lang), "count": v}
                    for k, v in sorted(result.relationships.items())
                ],
            ),
        ],
        fmt,
    )
    if fmt == "json":
        emit_json(result.to_dict())
        return
    if fmt == "csv":
        return
    w = words(lang)
    print_table(
        w["stats_labels"],
        (w["kind"], w["neo4j_label"], w["count"]),
        [(label_name(k, lang), k, v) for k, v in sorted(result.labels.items())],
    )
    print_table(
        w["stats_ties"],
        (w["kind"], w["neo4j_type"], w["count"]),
        [(tie_name(k, lang), k, v) for k, v in sorted(result.relationships.items())],
    )
    for label, areas in ((Label.DISTRICT, result.districts), (Label.STREET, result.streets)):
        print_table(
            label_name(label, lang),
            [name("field", f, lang) for f in AREA_FIELDS],
            [[getattr(a, f) for f in AREA_FIELDS] for a in areas],
        )


@click.command()
@click.argument("name_or_id")
@as_of_option
@store_options
@output_options
def pairings(name_or_id: str, as_of: dt.date, store_config: StoreConfig, fmt: str) -> None:
    """The pairings (结对共建) of a community, unit or party organization, each in force, ended
    or not yet started on --as-of.

    NAME_OR_ID is an id, or a name that only one community, unit, social organization or
    party organization has; an ambiguous name lists the candidates, and a name that matches
    nothing the closest names.

    \b
    Example:
        graphmodel pairings 站东社区
        graphmodel pairings 站东社区 --as-of 2023年6月30日
    """
    with open_store(store_config) as store:
        try:
            found = store.partners(name_or_id)
        except NotFound:
            if not store.stats().labels:
                raise EmptyStore() from None
            raise
    lang = cli_lang()
    rows = [{**p.to_dict(), "status": tie_status(p.to_dict(), as_of)} for p in found]
    emit_tables(
        [
            Out(
                "pairings_sheet",
                PARTNER_FIELDS,
                [
                    {
                        **r,
                        "status": name("status", r["status"], lang),
                        "owner_label": label_name(r["owner_label"], lang),
                    }
                    for r in rows
                ],
            )
        ],
        fmt,
    )
    if fmt == "json":
        emit_json(rows)
    elif fmt == "text":
        w = words(lang)
        shown = ("org_name", "partner_name", "owner_name", "kind", "since", "until", "status")
        print_table(
            w["pairings_title"].format(
                name=name_or_id,
                n=len(found),
                as_of=as_of,
                in_force=sum(1 for r in rows if r["status"] == "in_force"),
            ),
            [name("field", f, lang) for f in (*shown, "agreement")],
            [
                [*(r[f] for f in shown[:-1]), name("status", r["status"], lang), r["agreement"]]
                for r in rows
            ],
        )


COMMANDS = (stats, pairings)
