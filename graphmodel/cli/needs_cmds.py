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
    """Needs: raised, claimed, resolved per street and district; open needs
    by category with their age; overdue ones; who resolves what.

    A need is overdue when it is still 待认领 need_claim_days after it was raised, or still
    办理中 need_resolve_days after (--policy; defaults 7 and 30). The resolution rate is
    resolved / (raised - declined). --csv prints the open needs.

    \b
    Example:
        graphmodel needs --street 回龙观街道
    """
    from graphmodel.analysis.needs import needs_report
    from graphmodel.vocabulary import label_name, needs_words

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
    lang = cli_lang()
    w = needs_words(lang)
    t = report.total
    console.print(
        w["cli_summary"].format(
            as_of=report.as_of,
            raised=t.raised,
            claimed=t.claimed,
            resolved=t.resolved,
            declined=t.declined,
            open=t.open,
            overdue=t.overdue,
            rate=_percent(t.rate),
        )
    )
    area_headers = [
        w[k]
        for k in ("name", "raised", "claimed", "resolved", "declined", "open", "overdue", "rate")
    ]

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

    print_table(w["by_district"], area_headers, area_rows(report.districts))
    print_table(w["by_street"], area_headers, area_rows(report.streets))
    print_table(
        w["open_by_category"],
        [w[k] for k in ("street", "category", "open", "overdue", "oldest")],
        [
            (r["street_name"], r["category"], r["open"], r["overdue"], r["oldest_days"])
            for r in report.open_by_category
        ],
    )
    print_table(
        w["overdue_title"].format(n=sum(n.overdue for n in report.open_needs)),
        [
            w[k]
            for k in (
                "need",
                "category",
                "status",
                "raised_on",
                "days",
                "deadline",
                "raiser",
                "claimer",
                "street",
            )
        ],
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
        w["resolvers"],
        [
            w[k]
            for k in (
                "claimer",
                "kind",
                "claimed",
                "resolved",
                "open",
                "rate",
                "resolved_categories",
            )
        ],
        [
            (
                r.name,
                label_name(r.label, lang),
                r.claimed,
                r.resolved,
                r.open,
                _percent(r.rate),
                w["list_sep"].join(
                    f"{c or w['uncategorized']} {n}" for c, n in r.categories.items()
                ),
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
    """Match open needs with available resources, nearest in the network first.

    A paired unit's resource is preferred, then a fellow member of the community's
    committee, then one of its street, then of its district (costs cost_match_* in
    --policy). Within capacity; as many needs met as possible, then the cheapest, older
    needs first. Each proposal shows the path need → community → pairing/committee/street → unit → resource.
    --xlsx FILE writes the proposals (with an empty column for the outcome) and the unmet
    needs, to act on.

    \b
    Example:
        graphmodel match --street 回龙观街道 --xlsx 对接清单.xlsx
    """
    from graphmodel.analysis.match import match
    from graphmodel.vocabulary import name, needs_words, words

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
    w = needs_words(lang)
    print_table(
        w["match_title"].format(
            as_of=result.as_of, n=len(result.proposals), needs=result.needs, cost=result.total_cost
        ),
        [
            w[k]
            for k in (
                "need",
                "category",
                "raiser",
                "street",
                "resource",
                "provider",
                "tier",
                "path",
            )
        ],
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
        w["unmet_title"].format(n=len(result.unmet)),
        [w[k] for k in ("need", "category", "raiser", "street", "waited", "reason", "candidates")],
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
    from graphmodel.vocabulary import name, needs_words

    w = needs_words(lang)
    proposals = Sheet(
        w["match_sheet"],
        [
            w[k]
            for k in (
                "need_id",
                "need",
                "category",
                "status",
                "raised_on",
                "waited",
                "raiser",
                "street",
                "district",
                "resource_id",
                "proposed",
                "resource_kind",
                "provider",
                "tier",
                "path",
                "capacity_left",
                "outcome",
            )
        ],
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
        dates=(w["raised_on"],),
    )
    unmet = Sheet(
        w["unmet_sheet"],
        [
            w[k]
            for k in (
                "need_id",
                "need",
                "category",
                "raiser",
                "street",
                "district",
                "waited",
                "reason",
                "candidates",
            )
        ],
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
