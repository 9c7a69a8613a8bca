"""``graphmodel gaps``, ``graphmodel whatif`` and ``graphmodel recommend``.

Each parses its options, loads the graph view, makes one library call
(``find_gaps``, ``whatif``, ``recommend``) and renders the result.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from graphmodel.analysis.gaps import DETAIL_FIELDS, GAP_FIELDS, RULES, Gap
from graphmodel.cli.options import (
    analysis_options,
    area_options,
    cli_lang,
    emit_json,
    output_options,
    read_graph,
    store_options,
)
from graphmodel.cli.render import console, print_table
from graphmodel.cli.tables import Out, emit_tables
from graphmodel.store import StoreConfig
from graphmodel.vocabulary import (
    gap_message,
    label_name,
    name,
    place_name,
    proposal_reason,
    rule_name,
    uncoverable_reason,
    words,
)

if TYPE_CHECKING:
    from graphmodel.analysis.recommend import Proposal

__all__ = ["COMMANDS"]

F = TypeVar("F", bound=Callable[..., Any])

GAP_CSV_FIELDS = (
    "rule",
    "rule_name",
    *(f for f in GAP_FIELDS if f not in ("rule", "detail")),
    "message",
    *DETAIL_FIELDS,
)
NOT_JUDGED_FIELDS = ("rule", "rule_name", "district_id", "district_name", "gaps_dropped")
"""The ``not_judged`` table: gaps a rule would count in a district whose ledgers did not
record what it reads (``analysis.completeness``), left out of the gaps."""
UNCOVERABLE_FIELDS = (
    "community_id",
    "community_name",
    "street_name",
    "district_name",
    "reason",
    "candidates",
)
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
    "unit_spare_after",
    "community_has_party_org",
    "reason",
)


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
    from graphmodel.analysis.completeness import judged_gaps

    judged = judged_gaps(
        read_graph(store_config),
        policy,
        as_of,
        street=street,
        district=district,
        rules=rules or None,
    )
    found = judged.gaps
    lang = cli_lang()
    counts = Counter(g.rule for g in found)
    not_judged = [{**row, "rule_name": rule_name(row["rule"], lang)} for row in judged.to_dict()]
    emit_tables(
        [
            Out("gaps", GAP_CSV_FIELDS, [_flat(g, lang) for g in found]),
            Out(
                "by_rule",
                ("rule", "rule_name", "count"),
                [
                    {"rule": r, "rule_name": rule_name(r, lang), "count": counts[r]}
                    for r in RULES
                    if r in counts
                ],
            ),
            Out("not_judged", NOT_JUDGED_FIELDS, not_judged),
        ],
        fmt,
    )
    if fmt == "json":
        emit_json(
            {
                "as_of": as_of.isoformat(),
                "gaps": [_json(g, lang) for g in found],
                "not_judged": not_judged,
            }
        )
    elif fmt == "text":
        from graphmodel.report.tables import gap_count_table

        w = words(lang)
        _print_gaps(w["gaps_title"].format(as_of=as_of, n=len(found)), found, lang)
        table = gap_count_table(found, lang, judged.unjudged())
        print_table(w["by_rule"], table.headers, table.rows)
        if judged.dropped:
            console.print(w["gaps_not_judged"])


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
        graphmodel whatif --remove 建国门街道市级下沉单位01 \\
            --end-pairing 建国门街道市级下沉单位02 站东社区
    """
    from graphmodel.analysis.whatif import whatif

    if not remove and not end_pairings:
        from graphmodel.vocabulary import status_text

        raise click.UsageError(status_text("usage_whatif_nothing", cli_lang()))
    result = whatif(
        read_graph(store_config),
        policy,
        as_of,
        remove=remove,
        end_pairings=end_pairings,
        street=street,
        district=district,
        top=top,
    )
    lang = cli_lang()
    rows = [{"change": "new", **_flat(g, lang)} for g in result.gaps_new]
    rows += [{"change": "resolved", **_flat(g, lang)} for g in result.gaps_resolved]
    rows += [{"change": "dropped", **_flat(g, lang)} for g in result.gaps_dropped]
    for row in rows:
        row["change_name"] = name("change", row["change"], lang)
    emit_tables(
        [
            Out("whatif_gaps", ("change", "change_name", *GAP_CSV_FIELDS), rows),
            Out(
                "whatif_changes",
                ("change", "change_name", "label", "ids", "names", "since"),
                [
                    {**c.to_dict(), "change": c.kind, "change_name": name("change", c.kind, lang)}
                    for c in result.changes
                ],
            ),
            Out(
                "uncovered_sheet",
                ("id", "name", "street_name", "lost_partners"),
                result.communities_uncovered,
            ),
            Out(
                "thin_sheet",
                (
                    "id",
                    "name",
                    "street_name",
                    "member_units_before",
                    "member_units_after",
                    "minimum",
                ),
                result.committees_thin,
            ),
            Out(
                "hub_moves_sheet",
                ("id", "name", "label", "rank_before", "rank_after", "score_before", "score_after"),
                result.hubs,
            ),
        ],
        fmt,
    )
    if fmt == "json":
        data = result.to_dict()
        for key in ("gaps_new", "gaps_resolved", "gaps_dropped"):
            data[key] = [_json(g, lang) for g in getattr(result, key)]
        emit_json(data)
        return
    if fmt == "csv":
        return
    w = words(lang)
    changes = [(name("change", c.kind, lang), "、".join(c.names), c.since) for c in result.changes]
    print_table(
        w["whatif_title"].format(as_of=result.as_of),
        (w["change"], w["object"], w["pairing_since"]),
        changes,
    )
    console.print(w["gaps_before_after"].format(before=result.gaps_before, after=result.gaps_after))
    print_table(
        w["uncovered_title"].format(n=len(result.communities_uncovered)),
        (w["community"], w["street"], w["lost_partners"]),
        [
            (c["name"], c["street_name"], "、".join(c["lost_partners"]))
            for c in result.communities_uncovered
        ],
    )
    print_table(
        w["thin_title"].format(n=len(result.committees_thin)),
        (w["committee"], w["street"], w["before"], w["after"], w["minimum"]),
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
    _print_gaps(w["new_gaps_title"].format(n=len(result.gaps_new)), result.gaps_new, lang)
    _print_gaps(
        w["resolved_gaps_title"].format(n=len(result.gaps_resolved)), result.gaps_resolved, lang
    )
    if top:
        print_table(
            w["hub_moves_title"].format(top=top, method=name("method", result.hubs_method, lang)),
            (
                w["name"],
                w["kind"],
                w["rank_before"],
                w["rank_after"],
                w["score_before"],
                w["score_after"],
            ),
            [
                (
                    h["name"],
                    label_name(h["label"], lang),
                    h["rank_before"],
                    w["removed"] if h["rank_after"] is None else h["rank_after"],
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
        graphmodel recommend --district 海淀区 --policy seed/policy.toml
    """
    from graphmodel.analysis.recommend import recommend

    result = recommend(read_graph(store_config), policy, as_of, street=street, district=district)
    lang = cli_lang()
    emit_tables(
        [
            Out(
                "proposals",
                PROPOSAL_FIELDS,
                [
                    {**p.to_dict(), "place": place_name(p.place, lang), "reason": _reason(p, lang)}
                    for p in result.proposals
                ],
            ),
            Out(
                "uncoverable",
                UNCOVERABLE_FIELDS,
                [
                    {**u.to_dict(), "reason": uncoverable_reason(u.reason, lang)}
                    for u in result.uncoverable
                ],
            ),
        ],
        fmt,
    )
    if fmt == "json":
        data = result.to_dict()
        for row, p in zip(data["proposals"], result.proposals, strict=True):
            row["reason"] = _reason(p, lang)
        emit_json(data)
        return
    if fmt == "csv":
        return
    w = words(lang)
    print_table(
        w["proposals_title"].format(
            as_of=result.as_of,
            n=len(result.proposals),
            communities=result.communities,
            cost=result.total_cost,
        ),
        (
            w["community"],
            w["street"],
            w["unit"],
            w["unit_street"],
            w["place"],
            w["cost"],
            w["reason"],
        ),
        [
            (
                p.community_name,
                p.street_name,
                p.unit_name,
                p.unit_street_name,
                place_name(p.place, lang),
                p.cost,
                _reason(p, lang),
            )
            for p in result.proposals
        ],
    )
    print_table(
        w["uncoverable_title"].format(n=len(result.uncoverable)),
        (w["community"], w["street"], w["district"], w["reason"], w["candidates"]),
        [
            (
                u.community_name,
                u.street_name,
                u.district_name,
                uncoverable_reason(u.reason, lang),
                u.candidates,
            )
            for u in result.uncoverable
        ],
    )


def _reason(p: Proposal, lang: str) -> str:
    return proposal_reason(
        p.place,
        p.unit_working_alone,
        p.unit_active_pairings,
        p.unit_spare_after,
        p.community_has_party_org,
        lang,
    )


def _json(gap: Gap, lang: str) -> dict[str, Any]:
    """A gap in ``--json``: its fields and what it means (``message``) in ``lang``."""
    return {**gap.to_dict(), "message": gap_message(gap.rule, gap.name, gap.detail, lang)}


def _flat(gap: Gap, lang: str) -> dict[str, Any]:
    """A gap as a flat row: the rule's name and message in ``lang``, each figure of the
    detail in a column of its own."""
    row = {k: v for k, v in gap.to_dict().items() if k != "detail"}
    row["rule_name"] = rule_name(gap.rule, lang)
    row["message"] = gap_message(gap.rule, gap.name, gap.detail, lang)
    row.update(gap.detail)
    return row


def _print_gaps(title: str, found: list[Gap], lang: str) -> None:
    from graphmodel.report.tables import gap_table

    table = gap_table(found, lang)
    print_table(title, table.headers, table.rows)


COMMANDS = (gaps, whatif_cmd, recommend_cmd)
