"""``graphmodel gaps``, ``graphmodel whatif`` and ``graphmodel recommend``.

Each parses its options, loads the graph view, makes one library call
(``find_gaps``, ``whatif``, ``recommend``) and renders the result.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from graphmodel.analysis.gaps import GAP_FIELDS, RULES, Gap, find_gaps
from graphmodel.cli.options import (
    analysis_options,
    area_options,
    emit_csv,
    emit_json,
    output_options,
    store_options,
)
from graphmodel.cli.render import console, print_table
from graphmodel.store import StoreConfig, open_store

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["COMMANDS"]

F = TypeVar("F", bound=Callable[..., Any])

RULE_WORDS = {
    "unpaired_community": "社区未结对",
    "few_social_orgs": "社会组织不足",
    "no_committee": "无协调委员会",
    "thin_committee": "委员会成员单位不足",
    "working_alone": "单位各自作战",
    "expired_pairing": "结对到期未续",
    "isolated_cluster": "孤立子网",
    "unreported": "无人双报到",
    "unmet_need": "需求超时未办",
    "dormant_pairing": "挂名结对",
    "idle_resource": "资源闲置",
    "no_needs_recorded": "无需求记录（数据缺口）",
}
GAP_HEADERS = ("规则", "区", "街道", "名称", "类型", "说明")
PROPOSAL_FIELDS = (
    "community_id",
    "community_name",
    "street_name",
    "district_name",
    "unit_id",
    "unit_name",
    "unit_street_name",
    "unit_district_name",
    "place",
    "cost",
    "unit_capacity",
    "unit_active_pairings",
    "unit_working_alone",
    "reason",
)
PLACE_WORDS = {"same_street": "同街道", "same_district": "同区", "elsewhere": "区外"}


def _graph(store_config: StoreConfig) -> nx.MultiDiGraph:
    with open_store(store_config) as store:
        return store.graph()


@click.command()
@click.option(
    "--rule",
    "rules",
    multiple=True,
    type=click.Choice(list(RULES)),
    help="Only this rule (repeat for several) [default: every rule].",
)
@area_options
@store_options
@output_options
@analysis_options
def gaps(
    rules: tuple[str, ...],
    street: str | None,
    district: str | None,
    store_config: StoreConfig,
    fmt: str,
    policy: Any,
    as_of: dt.date,
) -> None:
    """Coverage gaps: where the co-governance network does not reach.

    Rules: unpaired_community, few_social_orgs, no_committee, thin_committee, working_alone,
    expired_pairing, isolated_cluster, unreported, unmet_need, dormant_pairing,
    idle_resource, no_needs_recorded (a data gap) (defined in docs/analyses.md). Thresholds
    come from --policy (see docs/policy.example.toml).

    \b
    Example:
        graphmodel gaps --street 建国门街道 --as-of 2023-06-30
    """
    found = find_gaps(
        _graph(store_config),
        policy,
        as_of,
        street=street,
        district=district,
        rules=rules or None,
    )
    if fmt == "json":
        emit_json({"as_of": as_of.isoformat(), "gaps": [g.to_dict() for g in found]})
    elif fmt == "csv":
        emit_csv((_flat(g) for g in found), GAP_FIELDS)
    else:
        _print_gaps(f"覆盖缺口 Gaps（{as_of}，{len(found)}项）", found)
        counts: dict[str, int] = {}
        for g in found:
            counts[g.rule] = counts.get(g.rule, 0) + 1
        rows = [(RULE_WORDS[r], r, counts[r]) for r in RULES if r in counts]
        print_table("按规则统计", ("规则", "rule", "数量"), rows)


@click.command(name="whatif")
@click.option(
    "--remove",
    multiple=True,
    metavar="NAME",
    help="Remove this unit, social organization, party organization or committee (repeat).",
)
@click.option(
    "--end-pairing",
    "end_pairings",
    nargs=2,
    multiple=True,
    metavar="UNIT COMMUNITY",
    help="End the pairings in force between UNIT and COMMUNITY on the as-of date (repeat).",
)
@click.option(
    "--top",
    default=10,
    show_default=True,
    type=click.IntRange(min=0),
    help="Compare the top N hubs before and after (0: skip the hub ranking).",
)
@area_options
@store_options
@output_options
@analysis_options
def whatif_cmd(
    remove: tuple[str, ...],
    end_pairings: tuple[tuple[str, str], ...],
    top: int,
    street: str | None,
    district: str | None,
    store_config: StoreConfig,
    fmt: str,
    policy: Any,
    as_of: dt.date,
) -> None:
    """What-if: the gaps after units leave or pairings end, compared with today.

    The store is not changed. A unit leaves with its party organizations.

    \b
    Example:
        graphmodel whatif --remove 市测绘院 --end-pairing 市规划院 站东社区
    """
    from graphmodel.analysis.whatif import whatif

    if not remove and not end_pairings:
        raise click.UsageError("name at least one --remove or --end-pairing")
    result = whatif(
        _graph(store_config),
        policy,
        as_of,
        remove=remove,
        end_pairings=end_pairings,
        street=street,
        district=district,
        top=top,
    )
    if fmt == "json":
        emit_json(result.to_dict())
        return
    if fmt == "csv":
        rows = [{"change": "new", **_flat(g)} for g in result.gaps_new]
        rows += [{"change": "resolved", **_flat(g)} for g in result.gaps_resolved]
        rows += [{"change": "dropped", **_flat(g)} for g in result.gaps_dropped]
        emit_csv(rows, ("change", *GAP_FIELDS))
        return
    changes = [
        ("移除" if c.kind == "removed" else "结束结对", "、".join(c.names), c.since)
        for c in result.changes
    ]
    print_table(f"假设变化 What-if（{result.as_of}）", ("变化", "对象", "结对开始"), changes)
    console.print(f"缺口：变化前 {result.gaps_before} 项，变化后 {result.gaps_after} 项")
    print_table(
        f"失去全部结对的社区（{len(result.communities_uncovered)}）",
        ("社区", "街道", "失去的结对单位"),
        [
            (c["name"], c["street_name"], "、".join(c["lost_partners"]))
            for c in result.communities_uncovered
        ],
    )
    print_table(
        f"成员单位降至下限以下的委员会（{len(result.committees_thin)}）",
        ("委员会", "街道", "变化前", "变化后", "下限"),
        [
            (
                c["name"],
                c["street_name"],
                c["member_units_before"],
                c["member_units_after"],
                c["minimum"],
            )
            for c in result.committees_thin
        ],
    )
    _print_gaps(f"新增缺口（{len(result.gaps_new)}）", result.gaps_new)
    _print_gaps(f"消除的缺口（{len(result.gaps_resolved)}）", result.gaps_resolved)
    if top:
        print_table(
            f"协调枢纽排名变化 Hubs（前{top}名，介数：{result.hubs_method}）",
            ("名称", "类型", "变化前排名", "变化后排名", "变化前得分", "变化后得分"),
            [
                (
                    h["name"],
                    h["label"],
                    h["rank_before"],
                    "已移除" if h["rank_after"] is None else h["rank_after"],
                    h["score_before"],
                    h["score_after"],
                )
                for h in result.hubs
            ],
        )


@click.command(name="recommend")
@area_options
@store_options
@output_options
@analysis_options
def recommend_cmd(
    street: str | None,
    district: str | None,
    store_config: StoreConfig,
    fmt: str,
    policy: Any,
    as_of: dt.date,
) -> None:
    """Pairing proposals that cover the unpaired communities (min-cost flow).

    Each unit takes at most its capacity (结对上限 in the ledger, else the policy's
    unit_capacity) minus its pairings in force; a unit of the same street is preferred over
    one of the same district over one elsewhere, and a unit working alone over a busy one.

    \b
    Example:
        graphmodel recommend --district 东城区 --policy policy.toml
    """
    from graphmodel.analysis.recommend import recommend

    result = recommend(_graph(store_config), policy, as_of, street=street, district=district)
    if fmt == "json":
        emit_json(result.to_dict())
        return
    if fmt == "csv":
        emit_csv((p.to_dict() for p in result.proposals), PROPOSAL_FIELDS)
        return
    print_table(
        f"结对建议 Proposals（{result.as_of}，{len(result.proposals)}/{result.communities}个"
        f"未结对社区，总成本 {result.total_cost}）",
        ("社区", "街道", "建议结对单位", "单位所在街道", "位置", "成本", "理由"),
        [
            (
                p.community_name,
                p.street_name,
                p.unit_name,
                p.unit_street_name,
                PLACE_WORDS[p.place],
                p.cost,
                p.reason,
            )
            for p in result.proposals
        ],
    )
    print_table(
        f"无法覆盖的社区（{len(result.uncoverable)}）",
        ("社区", "街道", "区", "原因", "候选单位数"),
        [
            (
                u.community_name,
                u.street_name,
                u.district_name,
                "无可用候选单位" if u.reason == "no_candidate" else "候选单位名额已用尽",
                u.candidates,
            )
            for u in result.uncoverable
        ],
    )


def _flat(gap: Gap) -> dict[str, Any]:
    """A gap as a CSV row: ``detail`` as JSON text."""
    row = gap.to_dict()
    row["detail"] = json.dumps(gap.detail, ensure_ascii=False, sort_keys=True)
    return row


def _print_gaps(title: str, found: list[Gap]) -> None:
    rows = [
        (RULE_WORDS[g.rule], g.district_name, g.street_name, g.name, g.label, g.message)
        for g in found
    ]
    print_table(title, GAP_HEADERS, rows)


COMMANDS = (gaps, whatif_cmd, recommend_cmd)
