"""``graphmodel needs`` (the needs lists by area, resolver and category) and ``graphmodel
match`` (resources proposed for open needs through the network).

Each parses its options, loads the graph view, makes one library call (``needs_report``,
``match``) and renders the result.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from graphmodel.cli.group import cli_lang
from graphmodel.cli.options import (
    analysis_options,
    area_options,
    emit_json,
    output_options,
    read_graph,
    store_options,
)
from graphmodel.cli.render import console, print_table
from graphmodel.cli.tables import XLSX_KEY, Out, emit_tables, write_table_csv
from graphmodel.store import StoreConfig

__all__ = ["COMMANDS"]

OPEN_FIELDS = (
    "id",
    "name",
    "category",
    "status",
    "raised",
    "age_days",
    "deadline_days",
    "overdue",
    "raiser_name",
    "claimer_name",
    "street_name",
    "district_name",
)
MATCH_FIELDS = (
    "need_id",
    "need_name",
    "category",
    "status",
    "raised",
    "age_days",
    "raiser_name",
    "street_name",
    "district_name",
    "resource_id",
    "resource_name",
    "resource_kind",
    "provider_name",
    "tier",
    "cost",
    "capacity_left",
    "path",
)


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


@click.command(name="needs")
@area_options
@store_options
@output_options
@analysis_options
def needs_cmd(
    street: str | None,
    district: str | None,
    store_config: StoreConfig,
    fmt: str,
    policy: Any,
    as_of: dt.date,
) -> None:
    """Needs (需求清单): raised, claimed, resolved per street and district; open needs
    by category with their age; overdue ones; who resolves what.

    A need is overdue when it is still 待认领 need_claim_days after it was raised, or still
    办理中 need_resolve_days after (--policy; defaults 7 and 30). The resolution rate is
    resolved / (raised - declined). --csv prints the open needs.

    \b
    Example:
        graphmodel needs --street 回龙观街道
    """
    from graphmodel.analysis.needs import needs_report
    from graphmodel.vocabulary import label_name

    g = read_graph(store_config)
    report = needs_report(g, policy, as_of, street=street, district=district)
    emit_tables(
        [Out("open_needs_sheet", OPEN_FIELDS, [n.to_dict() for n in report.open_needs])], fmt
    )
    if fmt == "json":
        emit_json(report.to_dict())
        return
    if fmt == "csv":
        return
    t = report.total
    console.print(
        f"需求 Needs（{report.as_of}）：提出 {t.raised}，认领 {t.claimed}，办结 {t.resolved}，"
        f"不予受理 {t.declined}，未办结 {t.open}（超时 {t.overdue}），办结率 {_percent(t.rate)}"
    )
    area_headers = ("名称", "提出", "认领", "办结", "不予受理", "未办结", "超时", "办结率")

    def area_rows(areas: list[Any]) -> list[tuple[Any, ...]]:
        return [
            (
                a.name,
                a.raised,
                a.claimed,
                a.resolved,
                a.declined,
                a.open,
                a.overdue,
                _percent(a.rate),
            )
            for a in areas
        ]

    print_table("按区 By district", area_headers, area_rows(report.districts))
    print_table("按街道 By street", area_headers, area_rows(report.streets))
    print_table(
        "未办结需求（按街道、类别）Open needs by street and category",
        ("街道", "类别", "未办结", "超时", "最久（天）"),
        [
            (r["street_name"], r["category"], r["open"], r["overdue"], r["oldest_days"])
            for r in report.open_by_category
        ],
    )
    print_table(
        f"超时需求 Overdue（{sum(n.overdue for n in report.open_needs)}）",
        ("需求", "类别", "状态", "提出", "天数", "时限", "提出方", "认领方", "街道"),
        [
            (
                n.name,
                n.category,
                n.status,
                n.raised,
                n.age_days,
                n.deadline_days,
                n.raiser_name,
                n.claimer_name,
                n.street_name,
            )
            for n in report.open_needs
            if n.overdue
        ],
    )
    print_table(
        "谁在办结需求 Who resolves what",
        ("认领方", "类型", "认领", "办结", "未办结", "办结率", "办结类别"),
        [
            (
                r.name,
                label_name(r.label, cli_lang()),
                r.claimed,
                r.resolved,
                r.open,
                _percent(r.rate),
                "、".join(f"{c or '未分类'} {n}" for c, n in r.categories.items()),
            )
            for r in report.resolvers
        ],
    )


@click.command(name="match")
@area_options
@store_options
@output_options
@analysis_options
def match_cmd(
    street: str | None,
    district: str | None,
    store_config: StoreConfig,
    fmt: str,
    policy: Any,
    as_of: dt.date,
) -> None:
    """Match open needs with available resources (资源对接), nearest in the network first.

    A paired unit's resource is preferred, then a fellow member of the community's
    committee, then one of its street, then of its district (costs cost_match_* in
    --policy). Within capacity; as many needs met as possible, then the cheapest, older
    needs first. Each proposal shows the path 需求 → 社区 → 结对/委员会/街道 → 单位 → 资源.
    --xlsx FILE writes the proposals (with an empty column for the outcome) and the unmet
    needs, to act on.

    \b
    Example:
        graphmodel match --street 回龙观街道 --xlsx 对接清单.xlsx
    """
    from graphmodel.analysis.match import match
    from graphmodel.vocabulary import name, words

    lang = cli_lang()
    g = read_graph(store_config)
    result = match(g, policy, as_of, street=street, district=district)
    xlsx = click.get_current_context().meta.get(XLSX_KEY)
    if xlsx:
        _write_match_xlsx(xlsx, result, lang)
        click.echo(words(lang)["xlsx_written"].format(path=xlsx), err=True)
    if fmt == "json":
        emit_json(result.to_dict())
        return
    if fmt == "csv":
        rows = [{**p.to_dict(), "path": _path(p)} for p in result.proposals]
        write_table_csv(Out("match_sheet", MATCH_FIELDS, rows), lang)
        return
    print_table(
        f"资源对接建议 Proposals（{result.as_of}，{len(result.proposals)}/{result.needs}项"
        f"未满足需求，总成本 {result.total_cost}）",
        ("需求", "类别", "提出方", "街道", "资源", "提供方", "关系", "路径"),
        [
            (
                p.need_name,
                p.category,
                p.raiser_name,
                p.street_name,
                p.resource_name,
                p.provider_name,
                name("tier", p.tier, lang),
                _path(p),
            )
            for p in result.proposals
        ],
    )
    print_table(
        f"无法满足的需求 Unmet（{len(result.unmet)}）",
        ("需求", "类别", "提出方", "街道", "已等待（天）", "原因", "候选资源数"),
        [
            (
                u.need_name,
                u.category,
                u.raiser_name,
                u.street_name,
                u.age_days,
                name("unmet", u.reason, lang),
                u.candidates,
            )
            for u in result.unmet
        ],
    )


def _path(p: Any) -> str:
    return " → ".join(p.path_names)


def _write_match_xlsx(path: str, result: Any, lang: str) -> None:
    """The workbook an organizer acts on: one row per proposal with an empty column for the
    outcome, then the needs nothing can meet."""
    from graphmodel.tabular import Sheet, write_xlsx
    from graphmodel.vocabulary import name

    proposals = Sheet(
        "对接建议",
        (
            "需求编号",
            "需求",
            "类别",
            "状态",
            "提出时间",
            "已等待（天）",
            "提出方",
            "街道",
            "区",
            "建议资源编号",
            "建议资源",
            "资源类型",
            "提供方",
            "关系",
            "依据路径",
            "资源剩余名额",
            "对接结果（填写）",
        ),
        [
            (
                p.need_id,
                p.need_name,
                p.category,
                p.status,
                p.raised,
                p.age_days,
                p.raiser_name,
                p.street_name,
                p.district_name,
                p.resource_id,
                p.resource_name,
                p.resource_kind,
                p.provider_name,
                name("tier", p.tier, lang),
                _path(p),
                p.capacity_left,
                "",
            )
            for p in result.proposals
        ],
        dates=("提出时间",),
    )
    unmet = Sheet(
        "无法满足的需求",
        ("需求编号", "需求", "类别", "提出方", "街道", "区", "已等待（天）", "原因", "候选资源数"),
        [
            (
                u.need_id,
                u.need_name,
                u.category,
                u.raiser_name,
                u.street_name,
                u.district_name,
                u.age_days,
                name("unmet", u.reason, lang),
                u.candidates,
            )
            for u in result.unmet
        ],
    )
    write_xlsx(path, [proposals, unmet])


COMMANDS = (needs_cmd, match_cmd)
