"""``graphmodel stats`` and ``graphmodel pairings``: what is in the graph, and who pairs with whom."""

from __future__ import annotations

import click

from graphmodel.cli.options import (
    emit_csv,
    emit_json,
    output_options,
    store_options,
)
from graphmodel.cli.render import print_table
from graphmodel.store import StoreConfig, open_store

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
AREA_HEADERS = (
    "id",
    "名称",
    "上级",
    "街道",
    "社区",
    "已结对社区",
    "结对",
    "协调委员会",
    "社会组织",
)
PARTNER_FIELDS = (
    "org_name",
    "partner_name",
    "owner_name",
    "owner_label",
    "kind",
    "since",
    "until",
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
    if fmt == "json":
        emit_json(result.to_dict())
        return
    if fmt == "csv":
        rows = [{"area": "district", **a.to_dict()} for a in result.districts]
        rows += [{"area": "street", **a.to_dict()} for a in result.streets]
        emit_csv(rows, ("area", *AREA_FIELDS))
        return
    print_table("节点 Nodes", ("label", "count"), sorted(result.labels.items()))
    print_table("关系 Relationships", ("type", "count"), sorted(result.relationships.items()))
    for title, areas in (("区 Districts", result.districts), ("街道 Streets", result.streets)):
        table = [[getattr(a, f) for f in AREA_FIELDS] for a in areas]
        print_table(title, AREA_HEADERS, table)


@click.command()
@click.argument("name_or_id")
@store_options
@output_options
def pairings(name_or_id: str, store_config: StoreConfig, fmt: str) -> None:
    """The pairings (结对共建) of a community, unit or party organization.

    NAME_OR_ID is an id, or a name that only one community, unit, social organization or
    party organization has; an ambiguous name lists the candidates.

    \b
    Example:
        graphmodel pairings 站东社区
    """
    with open_store(store_config) as store:
        found = store.partners(name_or_id)
    if fmt == "json":
        emit_json([p.to_dict() for p in found])
    elif fmt == "csv":
        emit_csv([p.to_dict() for p in found], PARTNER_FIELDS)
    else:
        headers = ("党组织", "结对方", "所属", "类型", "开始", "截止", "协议")
        rows = [
            [p.org_name, p.partner_name, p.owner_name, p.kind, p.since, p.until, p.agreement]
            for p in found
        ]
        print_table(f"{name_or_id} 的结对共建 ({len(found)})", headers, rows)


COMMANDS = (stats, pairings)
