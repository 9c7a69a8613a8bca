"""Every name graphmodel shows a person, in Chinese and English, and the choice of language.

The analyses return codes and data (a rule id, node ids, numbers, dates), never sentences; the
CLI, the report, the Excel and CSV output and the Neo4j Browser guide render them from here, so
one code has one name everywhere. Names from the ledgers (streets, communities, units) stay as
the ledgers write them.

Kinds of code (``KINDS``; ``name(kind, code, lang)``): ``label`` (node labels), ``tie``
(relationship types and reach path kinds), ``rule`` (gap rules), ``place`` (where a proposed
unit sits), ``uncoverable`` (why a community cannot be covered), ``point`` (articulation point
or bridge), ``status`` (a pairing on a date), ``tier`` (how near a resource proposed for a need
is), ``unmet`` (why a need cannot be met), ``change`` (what-if changes), ``method`` (how
betweenness was computed), ``problem`` (what can be wrong with a ledger row), ``via`` (the
ties a reach follows), ``field`` (column headers of every table the tool writes; the codes are
the stable English field names of ``--json`` and ``--lang en`` CSV). ``words`` holds headings and sentence templates.

The language: ``--lang``, else ``GRAPHMODEL_LANG``, else English when the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``) is English, else Chinese (``resolve_lang``).
"""

from __future__ import annotations

import errno
import os
import re
import string
from collections.abc import Mapping
from typing import Any

from graphmodel.schema import Label, Rel

__all__ = [
    "DEFAULT_LANG",
    "KINDS",
    "LANGS",
    "codes",
    "error_codes",
    "error_text",
    "gap_message",
    "label_name",
    "ledger_origin",
    "name",
    "needs_words",
    "os_reason",
    "place_name",
    "problem_keys",
    "problem_message",
    "problem_reason",
    "problem_value",
    "problem_where",
    "problem_words",
    "proposal_reason",
    "report_words",
    "resolve_lang",
    "rule_name",
    "sentence_words",
    "status_codes",
    "status_text",
    "template_words",
    "tie_name",
    "uncoverable_reason",
    "usage_text",
    "words",
]


class _CountFormatter(string.Formatter):
    """``str.format``, plus the spec ``?one|many``: ``{n:?street|streets}`` is ``street`` when
    ``n`` is 1 and ``streets`` otherwise, so that an English sentence agrees with its count."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("?"):
            one, _, many = format_spec[1:].partition("|")
            return one if value == 1 else many
        return str(super().format_field(value, format_spec))


_COUNTS = _CountFormatter()


class _Counted(str):
    """A template with ``?one|many`` specs (``_CountFormatter``): its ``format`` fills them,
    so that callers format it as any other template."""

    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> str:
        return _COUNTS.vformat(self, args, kwargs)


def _counted(table: dict[str, Any]) -> None:
    """Make every template with a ``?one|many`` spec in ``table`` (nested by language) a
    ``_Counted``, in place."""
    for words in table.values():
        for key, text in words.items():
            if isinstance(text, str) and ":?" in text:
                words[key] = _Counted(text)


LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

_LABELS = {
    "zh": {
        Label.DISTRICT: "区",
        Label.STREET: "街道",
        Label.COMMUNITY: "社区",
        Label.PARTY_ORG: "党组织",
        Label.MEMBER_UNIT: "驻区单位",
        Label.SOCIAL_ORG: "社会组织",
        Label.COMMITTEE: "协调委员会",
        Label.GRID: "网格",
        Label.NEED: "需求",
        Label.RESOURCE: "资源",
        Label.PROJECT: "项目",
    },
    "en": {
        Label.DISTRICT: "district",
        Label.STREET: "street",
        Label.COMMUNITY: "community",
        Label.PARTY_ORG: "party organization",
        Label.MEMBER_UNIT: "resident unit",
        Label.SOCIAL_ORG: "social organization",
        Label.COMMITTEE: "coordination committee",
        Label.GRID: "grid",
        Label.NEED: "need",
        Label.RESOURCE: "resource",
        Label.PROJECT: "project",
    },
}

_TIES = {
    "zh": {
        Rel.PART_OF: "隶属于",
        Rel.RAISED_BY: "提出",
        Rel.CLAIMED_BY: "认领",
        Rel.MET_WITH: "对接资源",
        Rel.OFFERED_BY: "提供",
        Rel.RUN_BY: "实施",
        Rel.TAKES_PLACE_IN: "实施地点",
        Rel.ADDRESSES: "回应需求",
        Rel.USES: "使用资源",
        Rel.LOCATED_IN: "驻在",
        Rel.PAIRED_WITH: "结对共建",
        Rel.MEMBER_OF: "委员会成员",
        Rel.CONVENED_BY: "召集",
        Rel.COVERS: "覆盖",
        Rel.SERVES: "服务",
        Rel.REPORTS_TO: "双报到",
        Rel.LEADS: "领导",
        Rel.BELONGS_TO: "隶属",
        "pairing": "结对",
        "membership": "委员会",
        "service": "服务",
        "reporting": "双报到",
        "party": "党组织",
        "coverage": "覆盖",
        "leading": "领导",
    },
    "en": {
        Rel.PART_OF: "part of",
        Rel.RAISED_BY: "raised by",
        Rel.CLAIMED_BY: "claimed by",
        Rel.MET_WITH: "met with",
        Rel.OFFERED_BY: "offered by",
        Rel.RUN_BY: "run by",
        Rel.TAKES_PLACE_IN: "takes place in",
        Rel.ADDRESSES: "addresses",
        Rel.USES: "uses",
        Rel.LOCATED_IN: "located in",
        Rel.PAIRED_WITH: "pairing",
        Rel.MEMBER_OF: "member",
        Rel.CONVENED_BY: "convener",
        Rel.COVERS: "covers",
        Rel.SERVES: "serves",
        Rel.REPORTS_TO: "reports",
        Rel.LEADS: "leads",
        Rel.BELONGS_TO: "belongs to",
        "pairing": "pairing",
        "membership": "membership",
        "service": "service",
        "reporting": "reporting",
        "party": "party",
        "coverage": "coverage",
        "leading": "leading",
    },
}

_RULES = {
    "zh": {
        "unpaired_community": "未结对社区",
        "few_social_orgs": "社区社会组织不足",
        "no_committee": "无协调委员会覆盖",
        "thin_committee": "协调委员会成员单位偏少",
        "working_alone": "各自作战的单位",
        "expired_pairing": "结对到期未续",
        "isolated_cluster": "孤立片区",
        "unreported": "无双报到",
        "unmet_need": "需求超时未办",
        "dormant_pairing": "挂名结对",
        "idle_resource": "资源闲置",
        "no_needs_recorded": "无需求记录（数据缺口）",
    },
    "en": {
        "unpaired_community": "unpaired community",
        "few_social_orgs": "few social organizations",
        "no_committee": "no coordination committee",
        "thin_committee": "thin committee",
        "working_alone": "unit working alone",
        "expired_pairing": "expired pairing",
        "isolated_cluster": "isolated cluster",
        "unreported": "no dual reporting",
        "unmet_need": "overdue need",
        "dormant_pairing": "pairing on paper only",
        "idle_resource": "idle resource",
        "no_needs_recorded": "no needs recorded (data gap)",
    },
}

_PLACES = {
    "zh": {"same_street": "同街道", "same_district": "同区其他街道", "elsewhere": "区外"},
    "en": {
        "same_street": "same street",
        "same_district": "same district",
        "elsewhere": "elsewhere",
    },
}

_UNCOVERABLE = {
    "zh": {
        "no_candidate": "无有剩余结对名额的候选单位",
        "capacity_taken": "候选单位的结对名额已用于其他社区",
    },
    "en": {
        "no_candidate": "no candidate unit has spare capacity",
        "capacity_taken": "the candidates' capacity went to other communities",
    },
}

_WORDS = {
    "zh": {
        "title": "党建引领基层治理网络分析报告",
        "as_of": "数据截至",
        "overview": "概览",
        "coverage": "各街道覆盖情况",
        "coverage_intro": (
            "每个街道的社区中：有有效结对共建的、有社区协调委员会覆盖的、社区社会组织数量达标的、"
            "有在职党员双报到的，以及该街道的缺口总数。"
        ),
        "gaps": "缺口清单",
        "hubs": "协调枢纽",
        "hubs_intro": (
            "单位与其党组织合并为一个主体计算。度：有工作联系的主体数；介数：标准化最短路径介数中心度；"
            "跨街道：联系对象所在的其他街道数；枢纽分：三者各除以最大值后的平均。"
        ),
        "spof": "单点故障",
        "spof_intro": (
            "割点（主体）与桥（联系）：一旦缺失，下列社区将失去全部对外联系"
            "（所在连通部分既不含本街道党工委，也不含任何驻区单位）。"
        ),
        "proposals": "结对建议",
        "uncoverable": "无法在限额内覆盖的社区",
        "street": "街道",
        "district": "区",
        "communities": "社区数",
        "paired": "已结对",
        "paired_rate": "结对率",
        "with_committee": "有社区协调委员会",
        "enough_social": "社会组织达标",
        "reported": "有双报到",
        "gap_count": "缺口数",
        "rule": "规则",
        "name": "名称",
        "kind": "类型",
        "message": "说明",
        "rank": "排名",
        "degree": "度",
        "degree_by_kind": "按联系类型",
        "betweenness": "介数",
        "brokerage": "跨街道",
        "hub_score": "枢纽分",
        "delivered": "交付",
        "weighed_delivered": "联系按近 {days} 天交付的工作计（项目与办结需求）；与社区之间无交付的联系不计。",
        "articulation": "割点",
        "orgs": "党组织",
        "point": "割点或桥",
        "ties": "联系",
        "cut_off": "将失联的社区",
        "count": "数量",
        "community": "社区",
        "unit": "单位",
        "place": "位置",
        "cost": "代价",
        "reason": "理由",
        "candidates": "候选单位",
        "yes": "是",
        "no": "否",
        "none": "无",
        "more": "另有 {n} 条未列出，见 report.json。",
        "exact": "介数为精确计算（{actors} 个主体，{ties} 条联系）。",
        "sampled": "介数为抽样估计：较大的连通部分各抽样 {sample} 个源主体，随机种子 {seed}（{actors} 个主体，{ties} 条联系）。",
        "spof_summary": "共 {articulation} 个割点、{bridges} 座桥，其中 {cutting} 个会使社区失联。",
        "proposal_summary": (
            "建议新增 {proposals} 对结对，总代价 {cost}；{uncoverable} 个社区无法在限额内覆盖。"
        ),
        "chart_coverage": "各街道社区覆盖率（%）",
        "chart_coverage_few": "各街道社区覆盖率（%，结对率最低的 {n} 个街道）",
        "chart_gaps": "各类缺口数量",
        "chart_hubs": "枢纽分最高的主体",
        "summary_streets": "街道",
        "summary_communities": "社区",
        "summary_paired": "已结对社区",
        "summary_gaps": "缺口",
        "summary_spof": "使社区失联的单点故障",
        "summary_proposals": "结对建议",
        "reach": "触达",
        "hops": "跳数",
        "population": "人口",
        "path": "路径",
        "path_kinds": "联系类型",
        "reach_summary": (
            "{name}（{label}）在 {hops} 跳内触达 {communities} 个社区，"
            "已知人口 {population}（{known} 个社区有人口数据）。"
        ),
        "unknown_street": "（未登记街道）",
        "analysis_written": "分析结果已写入",
        "analysis_shown": "分析结果（未写入，加 --write 写入）",
        "item": "项目",
        "value": "数值",
        "analysis_props": "写入的属性：{props}",
        "synthetic": "合成台账",
        "rows": "行数",
        "synthetic_done": (
            "{out}：规模 {scale}，种子 {seed}；待载入 {nodes} 个节点、{edges} 条关系；用时 {seconds} 秒"
        ),
        "ledger": "台账",
        "read": "读取",
        "valid": "有效",
        "rejected": "拒绝",
        "loaded": "载入",
        "problems": "问题",
        "warnings": "警告",
        "load_done": "已将 {nodes} 个节点、{relationships} 条关系载入 {where}。",
        "load_created": "为结对或双报到中提到的单位和社区新建了 {n} 个党组织。",
        "load_dry_run": "试运行：未写入任何内容（将载入 {nodes} 个节点、{relationships} 条关系{changes}）。",
        "load_dry_run_changes": "；库中变更：新增 {added}，修改 {changed}，删除 {removed}",
        "load_changes": "库中变更：新增 {added}，修改 {changed}，删除 {removed}。",
        "load_changes_title": "变更",
        "load_changes_dry": "（试运行：未写入）",
        "history_title": "载入历史",
        "loaded_at": "载入时间",
        "content_hash": "内容校验码",
        "load_added": "新增",
        "load_changed": "修改",
        "load_removed": "删除",
        "load_kept": "此台账已不再列出的 {n} 条记录暂时保留（本次有被拒的行）；下次无被拒行的载入会删除它们。",
        "load_strict": "--strict：有 {n} 行被拒，未载入任何内容。",
        "load_nothing": "没有可载入的内容。",
        "load_rejects": "{n} 行被拒，已写入 {path}",
        "load_fix": "；改好后运行：graphmodel load {path}",
        "template_written": "{path}：空白台账模板（填写说明见“说明”工作表和 docs/ledger-format.md）",
        "query_title": "{title}（{name}，{n} 行）",
        "query_library": "查询库",
        "purpose": "用途",
        "query_name": "查询名称",
        "neo4j_label": "Neo4j 标签",
        "neo4j_type": "Neo4j 关系类型",
        "params_example": "参数（示例）",
        "returns": "返回",
        "query_run_one": "运行其中一个：graphmodel query 名称 -p 参数=值 ... --store neo4j",
        "whatif_gaps": "缺口变化",
        "whatif_changes": "假设变化",
        "uncovered_sheet": "失去全部结对的社区",
        "thin_sheet": "成员单位不足的委员会",
        "hub_moves_sheet": "枢纽排名变化",
        "pairings_sheet": "结对共建",
        "stats_areas": "区和街道",
        "stats_labels": "节点",
        "stats_ties": "关系",
        "table": "表",
        "reach_via": "沿用的联系：{via}。",
        "reach_none": "{name}（{label}）在 {hops} 跳内未触达任何社区。",
        "reach_nearest": "沿这些联系，最近的社区在 {nearest} 跳处：加 --hops {nearest} 可以看到。",
        "reach_unconnected": "沿这些联系，它与任何社区都不相连。",
        "reach_unfollowed": "它还有未沿用的联系：{ties}；加 --via {via} 沿这些联系查找。",
        "pairings_title": "{name} 的结对共建（{n} 项，{as_of} 在期 {in_force} 项）",
        "gaps_title": "覆盖缺口（{as_of}，{n} 项）",
        "by_rule": "按规则统计",
        "not_judged": "未采集未判断",
        "gaps_not_judged": (
            "“未采集、未判断”一栏的区没有录入该规则所需的台账（如社会组织、双报到），"
            "这些社区不计为缺口；补录台账后重新载入即可判断。"
        ),
        "whatif_title": "假设变化（{as_of}）",
        "change": "变化",
        "object": "对象",
        "pairing_since": "结对开始",
        "gaps_before_after": "缺口：变化前 {before} 项，变化后 {after} 项",
        "uncovered_title": "失去全部结对的社区（{n}）",
        "lost_partners": "失去的结对单位",
        "thin_title": "成员单位降至下限以下的委员会（{n}）",
        "committee": "委员会",
        "before": "变化前",
        "after": "变化后",
        "minimum": "下限",
        "new_gaps_title": "新增缺口（{n}）",
        "resolved_gaps_title": "消除的缺口（{n}）",
        "hub_moves_title": "协调枢纽排名变化（前 {top} 名，介数：{method}）",
        "rank_before": "变化前排名",
        "rank_after": "变化后排名",
        "score_before": "变化前得分",
        "score_after": "变化后得分",
        "removed": "已移除",
        "proposals_title": "结对建议（{as_of}，{n}/{communities} 个未结对社区，总代价 {cost}）",
        "unit_street": "单位所在街道",
        "uncoverable_title": "无法覆盖的社区（{n}）",
        "xlsx_written": "已写入 {path}",
        "open_needs_sheet": "未办结需求",
        "match_sheet": "对接建议",
    },
    "en": {
        "title": "Co-governance network report",
        "as_of": "As of",
        "overview": "Overview",
        "coverage": "Coverage by street",
        "coverage_intro": (
            "For each street, its communities with a pairing in force, covered by a community "
            "coordination committee, served by enough social organizations, and receiving dual "
            "reporting; and the number of gaps located in the street."
        ),
        "gaps": "Gaps",
        "hubs": "Coordination hubs",
        "hubs_intro": (
            "A unit and its party organization count as one actor. Degree: actors it has a "
            "working tie with; betweenness: normalized shortest-path betweenness; brokerage: "
            "other streets its partners sit in; hub score: the mean of the three, each divided "
            "by its maximum."
        ),
        "spof": "Single points of failure",
        "spof_intro": (
            "Articulation points (actors) and bridges (ties) without which the communities "
            "listed would lose every outside tie (their part of the network would hold neither "
            "their street's party working committee nor any resident unit)."
        ),
        "proposals": "Pairing proposals",
        "uncoverable": "Communities no unit can cover within the limits",
        "street": "Street",  # English text, not a label
        "district": "District",  # English text, not a label
        "communities": "Communities",
        "paired": "Paired",
        "paired_rate": "Paired %",
        "with_committee": "With committee",
        "enough_social": "Enough social orgs",
        "reported": "With reporting",
        "gap_count": "Gaps",
        "rule": "Rule",
        "name": "Name",
        "kind": "Kind",
        "message": "Message",
        "rank": "Rank",
        "degree": "Degree",
        "degree_by_kind": "By tie",
        "betweenness": "Betweenness",
        "brokerage": "Brokerage",
        "hub_score": "Hub score",
        "delivered": "Delivered",
        "weighed_delivered": (
            "Ties count by the work delivered across them in the last {days} days (projects "
            "and resolved needs); a tie to a community with nothing delivered does not count."
        ),
        "articulation": "Articulation",
        "orgs": "Party orgs",
        "point": "Point",
        "ties": "Ties",
        "cut_off": "Communities cut off",
        "count": "Count",
        "community": "Community",  # English text, not a label
        "unit": "Unit",
        "place": "Where",
        "cost": "Cost",
        "reason": "Reason",
        "candidates": "Candidates",
        "yes": "yes",
        "no": "no",
        "none": "none",
        "more": "{n} more not listed; see report.json.",
        "exact": "Betweenness is exact ({actors} actors, {ties} ties).",
        "sampled": (
            "Betweenness is estimated from {sample} sampled source actors in each large "
            "connected part, seed {seed} "
            "({actors} actors, {ties} ties)."
        ),
        "spof_summary": (
            "{articulation} articulation points and {bridges} bridges; {cutting} of them cut "
            "off communities."
        ),
        "proposal_summary": (
            "{proposals} new pairings proposed, total cost {cost}; {uncoverable} communities "
            "cannot be covered within the limits."
        ),
        "chart_coverage": "Community coverage by street (%)",
        "chart_coverage_few": "Community coverage by street (%, the {n} least paired streets)",
        "chart_gaps": "Gaps by rule",
        "chart_hubs": "Highest hub scores",
        "summary_streets": "Streets",
        "summary_communities": "Communities",
        "summary_paired": "Paired communities",
        "summary_gaps": "Gaps",
        "summary_spof": "Points of failure cutting off communities",
        "summary_proposals": "Pairing proposals",
        "reach": "Reach",
        "hops": "Hops",
        "population": "Population",
        "path": "Path",
        "path_kinds": "Tie kinds",
        "reach_summary": (
            "{name} ({label}) reaches {communities} communities within {hops} hops, known "
            "population {population} ({known} communities give one)."
        ),
        "unknown_street": "(no street recorded)",
        "analysis_written": "Analysis written",
        "analysis_shown": "Analysis (not written; add --write to write it)",
        "item": "Item",
        "value": "Value",
        "analysis_props": "Properties: {props}",
        "synthetic": "Synthetic ledger",
        "rows": "Rows",
        "synthetic_done": (
            "{out}: scale {scale}, seed {seed}; {nodes} nodes and {edges} relationships to "
            "load; written in {seconds} s"
        ),
        "ledger": "Ledger",
        "read": "Read",
        "valid": "Valid",
        "rejected": "Rejected",
        "loaded": "Loaded",
        "problems": "Problems",
        "warnings": "Warnings",
        "load_done": "Loaded {nodes} nodes and {relationships} relationships into {where}.",
        "load_created": (
            "Created {n} party organizations for units and communities named in pairings or "
            "reports."
        ),
        "load_dry_run": (
            "Dry run: nothing written ({nodes} nodes and {relationships} relationships would "
            "load{changes})."
        ),
        "load_dry_run_changes": "; store changes: {added} added, {changed} changed, {removed} removed",
        "load_changes": "Store changes: {added} added, {changed} changed, {removed} removed.",
        "load_changes_title": "Changes",
        "load_changes_dry": " (dry run: not written)",
        "history_title": "Load history",
        "loaded_at": "Loaded at",
        "content_hash": "Content hash",
        "load_added": "added",
        "load_changed": "changed",
        "load_removed": "removed",
        "load_kept": (
            "{n} records this ledger no longer names are kept while rows are rejected; the next "
            "load without rejected rows removes them."
        ),
        "load_strict": "--strict: nothing loaded, {n} rows rejected.",
        "load_nothing": "Nothing to load.",
        "load_rejects": "{n} rejected rows written to {path}",
        "load_fix": "; fix them, then: graphmodel load {path}",
        "template_written": "{path}: blank ledger template (docs/ledger-format.md describes the format)",
        "query_title": "{title} ({name}, {n} rows)",
        "query_library": "Query library",
        "purpose": "Purpose",
        "query_name": "Query",
        "neo4j_label": "Neo4j label",
        "neo4j_type": "Neo4j type",
        "params_example": "Parameters (example)",
        "returns": "Returns",
        "query_run_one": "Run one: graphmodel query NAME -p key=value ... --store neo4j",
        "whatif_gaps": "Gap changes",
        "whatif_changes": "Changes",
        "uncovered_sheet": "Communities uncovered",
        "thin_sheet": "Committees thinned",
        "hub_moves_sheet": "Hub moves",
        "pairings_sheet": "Pairings",
        "stats_areas": "Districts and streets",
        "stats_labels": "Nodes",
        "stats_ties": "Relationships",
        "table": "Table",
        "reach_via": "Ties followed: {via}.",
        "reach_none": "{name} ({label}) reaches no community within {hops} hops.",
        "reach_nearest": (
            "Along these ties the nearest community is {nearest} hops away: add --hops {nearest}."
        ),
        "reach_unconnected": "Along these ties it is connected to no community.",
        "reach_unfollowed": (
            "It has ties that were not followed: {ties}; add --via {via} to follow them."
        ),
        "pairings_title": "Pairings of {name} ({n}; {in_force} in force on {as_of})",
        "gaps_title": "Gaps ({as_of}, {n})",
        "by_rule": "By rule",
        "not_judged": "Not judged",
        "gaps_not_judged": (
            "The districts under 'Not recorded, not judged' have no ledger rows of what the "
            "rule reads (social organizations, dual reporting...), so their communities are "
            "not counted as gaps; load those ledgers to judge them."
        ),
        "whatif_title": "What-if ({as_of})",
        "change": "Change",
        "object": "Record",
        "pairing_since": "Pairing since",
        "gaps_before_after": "Gaps: {before} before, {after} after",
        "uncovered_title": "Communities losing every pairing ({n})",
        "lost_partners": "Partners lost",
        "thin_title": "Committees falling below the minimum of member units ({n})",
        "committee": "Committee",  # English text, not a label
        "before": "Before",
        "after": "After",
        "minimum": "Minimum",
        "new_gaps_title": "New gaps ({n})",
        "resolved_gaps_title": "Resolved gaps ({n})",
        "hub_moves_title": "Hub ranking before and after (top {top}, betweenness: {method})",
        "rank_before": "Rank before",
        "rank_after": "Rank after",
        "score_before": "Score before",
        "score_after": "Score after",
        "removed": "removed",
        "proposals_title": (
            "Pairing proposals ({as_of}, {n}/{communities} unpaired communities, total cost {cost})"
        ),
        "unit_street": "Unit's street",
        "uncoverable_title": "Communities that cannot be covered ({n})",
        "xlsx_written": "Written: {path}",
        "open_needs_sheet": "Open needs",
        "match_sheet": "Proposals",
    },
}


_TIERS = {
    "zh": {
        "paired": "结对单位",
        "committee": "同委员会成员",
        "street": "同街道",
        "district": "同区",
        "elsewhere": "区外",
    },
    "en": {
        "paired": "paired unit",
        "committee": "fellow committee member",
        "street": "same street",
        "district": "same district",
        "elsewhere": "elsewhere",
    },
}

_UNMET = {
    "zh": {"no_candidate": "无可用资源", "capacity_taken": "资源名额已用尽"},
    "en": {
        "no_candidate": "no resource can meet it",
        "capacity_taken": "the resources' capacity went to other needs",
    },
}

_POINTS = {
    "zh": {"articulation": "割点", "bridge": "桥"},
    "en": {"articulation": "articulation point", "bridge": "bridge"},
}

_STATUSES = {
    "zh": {"in_force": "在期", "ended": "已到期", "not_started": "未开始"},
    "en": {"in_force": "in force", "ended": "ended", "not_started": "not yet started"},
}

_CHANGES = {
    "zh": {
        "removed": "移除",
        "ended": "结束结对",
        "new": "新增缺口",
        "resolved": "消除的缺口",
        "dropped": "随对象移除的缺口",
    },
    "en": {
        "removed": "removed",
        "ended": "pairing ended",
        "new": "new gap",
        "resolved": "resolved gap",
        "dropped": "gap gone with the removed",
    },
}

_VIA = {
    "zh": {
        "pairing": "结对共建",
        "membership": "委员会成员",
        "committee": "协调委员会（成员与覆盖）",
        "service": "社会组织服务",
        "report": "双报到",
        "lead": "党组织领导",
    },
    "en": {
        "pairing": "pairings",
        "membership": "committee membership",
        "committee": "committees (membership and coverage)",
        "service": "social organizations' service",
        "report": "dual reporting",
        "lead": "party leadership",
    },
}

_PROBLEMS = {
    "zh": {
        "missing_required": "缺少必填项",
        "bad_choice": "不在可选值中",
        "bad_int": "不是整数",
        "out_of_range": "超出范围",
        "bad_text": "文本不可用",
        "bad_bool": "不是是/否",
        "bad_date": "日期格式错误",
        "date_order": "截止早于开始",
        "duplicate_id": "重复编号",
        "duplicate_relationship": "重复关系",
        "dangling_ref": "找不到引用对象",
        "ambiguous_name": "名称不唯一",
        "rejected_ref": "引用的行被拒绝",
        "ambiguous_party_org": "党组织不唯一",
        "party_org_mismatch": "党组织与单位不符",
        "self_ref": "引用自身",
        "unknown_table": "未知表",
        "unknown_column": "未知列",
        "duplicate_column": "重复列",
        "personal_column": "个人信息不保存",
    },
    "en": {
        "missing_required": "missing required value",
        "bad_choice": "not an accepted value",
        "bad_int": "not a whole number",
        "out_of_range": "out of range",
        "bad_text": "unusable text",
        "bad_bool": "not yes or no",
        "bad_date": "not a date",
        "date_order": "ends before it starts",
        "duplicate_id": "duplicate id",
        "duplicate_relationship": "duplicate relationship",
        "dangling_ref": "reference to nothing",
        "ambiguous_name": "ambiguous name",
        "rejected_ref": "reference to a rejected row",
        "ambiguous_party_org": "ambiguous party organization",
        "party_org_mismatch": "party organization of another unit",
        "self_ref": "refers to itself",
        "unknown_table": "unknown table",
        "unknown_column": "unknown column",
        "duplicate_column": "duplicate column",
        "personal_column": "personal data not stored",
    },
}

_METHODS = {
    "zh": {"exact": "精确计算", "sampled": "抽样估计", "": "未计算"},
    "en": {"exact": "exact", "sampled": "sampled", "": "not computed"},
}

_FIELDS = {
    "zh": {
        "id": "编号",
        "name": "名称",
        "label": "类型",
        "rule": "规则",
        "rule_name": "规则名称",
        "node_id": "编号",
        "street": "街道编号",
        "street_id": "街道编号",
        "street_name": "街道",
        "district": "区编号",
        "district_id": "区编号",
        "district_name": "区",
        "message": "说明",
        "ref": "参照",
        "count": "数量",
        "gaps_dropped": "未判断的缺口数",
        "area": "层级",
        "parent": "上级",
        "streets": "街道数",
        "communities": "社区数",
        "paired_communities": "已结对社区数",
        "pairings": "结对数",
        "committees": "协调委员会数",
        "social_orgs": "社会组织数",
        "org_id": "党组织编号",
        "org_name": "党组织",
        "partner_id": "结对方编号",
        "partner_name": "结对方",
        "owner_id": "所属编号",
        "owner_name": "所属",
        "owner_label": "所属类型",
        "kind": "类型",
        "since": "开始日期",
        "until": "截止日期",
        "agreement": "协议",
        "status": "状态",
        "rank": "排名",
        "degree": "度",
        "betweenness": "介数",
        "brokerage": "跨街道",
        "hub_score": "枢纽分",
        "delivered": "交付",
        "articulation": "割点",
        "degree_by_kind": "按联系类型",
        "brokered_streets": "联系的其他街道",
        "orgs": "党组织",
        "hops": "跳数",
        "population": "人口",
        "path": "路径",
        "kinds": "联系类型",
        "community_id": "社区编号",
        "community_name": "社区",
        "unit_id": "单位编号",
        "unit_name": "单位",
        "unit_street_name": "单位所在街道",
        "unit_district_name": "单位所在区",
        "place": "位置",
        "cost": "代价",
        "unit_capacity": "结对上限",
        "unit_active_pairings": "单位现有结对",
        "unit_working_alone": "单位各自作战",
        "unit_spare_after": "采纳后剩余名额",
        "community_has_party_org": "社区有党组织",
        "reason": "理由",
        "candidates": "候选单位数",
        "change": "变化",
        "table": "表",
        "rows": "行数",
        "as_of": "截至日期",
        "level": "层级",
        "pairings_ever": "历来结对数",
        "party_orgs": "党组织数",
        "member_units": "成员单位数",
        "other_members": "其他成员数",
        "minimum": "下限",
        "street_covered": "街道有委员会覆盖",
        "review_years": "复核年限",
        "size": "主体数",
        "named": "主要主体",
        "units": "单位",
        "members": "成员",
        "reports": "报到记录数",
        "resources": "资源数",
        "category": "类别",
        "raised": "提出日期",
        "age_days": "已过天数",
        "deadline_days": "时限天数",
        "raiser_id": "提出方编号",
        "period_days": "考核期天数",
        "offerer_id": "提供方编号",
        "offerer_name": "提供方",
        "data_gap": "数据缺口",
        "overdue": "超时",
        "raiser_name": "提出方",
        "claimer_name": "认领方",
        "need_id": "需求编号",
        "need_name": "需求",
        "resource_id": "资源编号",
        "resource_name": "资源",
        "resource_kind": "资源类型",
        "provider_name": "提供方",
        "tier": "关系",
        "capacity_left": "资源剩余名额",
        "change_name": "变化名称",
        "nodes_written": "写入的节点数",
        "nodes_cleared": "清除的节点数",
        "articulation_points": "使社区失联的割点数",
        "flagged_nodes": "标记缺口的节点数",
        "hub_high": "HubHigh 标签数",
        "hub_mid": "HubMid 标签数",
        "zh": "用途（中文）",
        "en": "用途（英文）",
        "params": "参数",
        "returns": "返回",
        "ids": "编号",
        "names": "名称",
        "lost_partners": "失去的结对单位",
        "member_units_before": "变化前成员单位",
        "member_units_after": "变化后成员单位",
        "rank_before": "变化前排名",
        "rank_after": "变化后排名",
        "score_before": "变化前得分",
        "score_after": "变化后得分",
        "point": "割点或桥",
        "ties": "联系",
        "cut_off": "将失联的社区",
        "type": "关系类型",
    },
    "en": {
        "id": "id",
        "name": "name",
        "label": "kind",
        "rule": "rule",
        "rule_name": "rule name",
        "node_id": "id",
        "street": "street id",
        "street_id": "street id",
        "street_name": "street",
        "district": "district id",
        "district_id": "district id",
        "district_name": "district",
        "message": "message",
        "ref": "ref",
        "count": "count",
        "gaps_dropped": "gaps not judged",
        "area": "level",
        "parent": "parent",
        "streets": "streets",
        "communities": "communities",
        "paired_communities": "paired communities",
        "pairings": "pairings",
        "committees": "committees",
        "social_orgs": "social orgs",
        "org_id": "party org id",
        "org_name": "party org",
        "partner_id": "partner id",
        "partner_name": "partner",
        "owner_id": "owner id",
        "owner_name": "owner",
        "owner_label": "owner kind",
        "kind": "kind",
        "since": "since",
        "until": "until",
        "agreement": "agreement",
        "status": "status",
        "rank": "rank",
        "degree": "degree",
        "betweenness": "betweenness",
        "brokerage": "brokerage",
        "hub_score": "hub score",
        "delivered": "delivered",
        "articulation": "articulation",
        "degree_by_kind": "by tie",
        "brokered_streets": "other streets",
        "orgs": "party orgs",
        "hops": "hops",
        "population": "population",
        "path": "path",
        "kinds": "tie kinds",
        "community_id": "community id",
        "community_name": "community",
        "unit_id": "unit id",
        "unit_name": "unit",
        "unit_street_name": "unit's street",
        "unit_district_name": "unit's district",
        "place": "where",
        "cost": "cost",
        "unit_capacity": "capacity",
        "unit_active_pairings": "unit's pairings",
        "unit_working_alone": "unit working alone",
        "unit_spare_after": "spare after",
        "community_has_party_org": "community has party org",
        "reason": "reason",
        "candidates": "candidates",
        "change": "change",
        "table": "table",
        "rows": "rows",
        "as_of": "as of",
        "level": "level",
        "pairings_ever": "pairings ever",
        "party_orgs": "party org count",
        "member_units": "member units",
        "other_members": "other members",
        "minimum": "minimum",
        "street_covered": "street covered",
        "review_years": "review years",
        "size": "actors",
        "named": "main actors",
        "units": "units",
        "members": "members",
        "reports": "reports",
        "resources": "resources",
        "category": "category",
        "raised": "raised",
        "age_days": "age (days)",
        "deadline_days": "deadline (days)",
        "raiser_id": "raiser id",
        "period_days": "period (days)",
        "offerer_id": "offerer id",
        "offerer_name": "offerer",
        "data_gap": "data gap",
        "overdue": "overdue",
        "raiser_name": "raiser",
        "claimer_name": "claimer",
        "need_id": "need id",
        "need_name": "need",
        "resource_id": "resource id",
        "resource_name": "resource",
        "resource_kind": "resource kind",
        "provider_name": "provider",
        "tier": "tier",
        "capacity_left": "capacity left",
        "change_name": "change name",
        "nodes_written": "nodes written",
        "nodes_cleared": "nodes cleared",
        "articulation_points": "points cutting off communities",
        "flagged_nodes": "nodes with gaps",
        "hub_high": "HubHigh labels",
        "hub_mid": "HubMid labels",
        "zh": "purpose (Chinese)",
        "en": "purpose",
        "params": "parameters",
        "returns": "returns",
        "ids": "ids",
        "names": "names",
        "lost_partners": "partners lost",
        "member_units_before": "member units before",
        "member_units_after": "member units after",
        "rank_before": "rank before",
        "rank_after": "rank after",
        "score_before": "score before",
        "score_after": "score after",
        "point": "point",
        "ties": "ties",
        "cut_off": "communities cut off",
        "type": "relationship type",
    },
}


_NAMES: dict[str, dict[str, dict[str, str]]] = {
    "label": _LABELS,
    "tie": _TIES,
    "rule": _RULES,
    "place": _PLACES,
    "uncoverable": _UNCOVERABLE,
    "point": _POINTS,
    "status": _STATUSES,
    "tier": _TIERS,
    "unmet": _UNMET,
    "change": _CHANGES,
    "method": _METHODS,
    "problem": _PROBLEMS,
    "via": _VIA,
    "field": _FIELDS,
}

KINDS = tuple(_NAMES)
"""The kinds of code that have names (see the module docstring)."""


def resolve_lang(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to speak: ``explicit`` (``--lang``), else ``GRAPHMODEL_LANG``, else ``en``
    when the locale is English, else Chinese.

    >>> resolve_lang("en"), resolve_lang(None, {}), resolve_lang(None, {"LANG": "en_US.UTF-8"})
    ('en', 'zh', 'en')
    >>> resolve_lang(None, {"GRAPHMODEL_LANG": "zh", "LANG": "en_GB.UTF-8"})
    'zh'
    """
    env = os.environ if environ is None else environ
    for value in (explicit, env.get("GRAPHMODEL_LANG")):
        if value:
            code = value.strip().lower()[:2]
            if code in LANGS:
                return code
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANG
    return DEFAULT_LANG


def name(kind: str, code: str, lang: str) -> str:
    """The name of ``code`` of ``kind`` in ``lang``; the code itself when it has none (a label
    or tie a newer ledger brought in).

    >>> name("rule", "unpaired_community", "zh"), name("status", "ended", "en")
    ('未结对社区', 'ended')
    """
    return _NAMES[kind][lang].get(code, code)


def codes(kind: str, lang: str) -> tuple[str, ...]:
    """The codes of ``kind`` that have a name in ``lang`` (for the completeness test)."""
    return tuple(_NAMES[kind][lang])


def words(lang: str) -> dict[str, str]:
    """The fixed words and sentence templates of ``lang`` (``zh`` or ``en``)."""
    return _WORDS[lang]


def label_name(label: str, lang: str) -> str:
    """A node label in ``lang`` (the label itself if unknown)."""
    return name("label", label, lang)


def tie_name(tie: str, lang: str) -> str:
    """A relationship type or a reach path kind in ``lang``."""
    return name("tie", tie, lang)


def rule_name(rule: str, lang: str) -> str:
    """A gap rule in ``lang``."""
    return name("rule", rule, lang)


def place_name(place: str, lang: str) -> str:
    """Where a proposed unit sits relative to the community, in ``lang``."""
    return name("place", place, lang)


def uncoverable_reason(reason: str, lang: str) -> str:
    """Why a community cannot be covered (``recommend.Uncoverable.reason``), in ``lang``."""
    return name("uncoverable", reason, lang)


def gap_message(rule: str, node_name: str, detail: Mapping[str, Any], lang: str) -> str:
    """What a gap of ``rule`` on the node named ``node_name`` means, from its ``detail``.

    >>> gap_message("few_social_orgs", "站东社区",
    ...             {"kind": "社区", "social_orgs": 0, "minimum": 10}, "zh")
    '站东社区（社区）：社区社会组织0个，少于10个'
    >>> gap_message("few_social_orgs", "站东社区",
    ...             {"kind": "村", "social_orgs": 0, "minimum": 10}, "en")
    '站东社区 (village): 0 community social organizations, fewer than 10'
    """
    values = {
        k: ("、" if lang == "zh" else ", ").join(v) if isinstance(v, list) else v
        for k, v in detail.items()
    }
    if "kind" in values:
        values["kind"] = _COMMUNITY_KINDS[lang].get(values["kind"], values["kind"])
    return _MESSAGES[lang][_message_key(rule, detail)].format(name=node_name, **values)


_COMMUNITY_KINDS: dict[str, dict[str, str]] = {
    "zh": {},
    "en": {"社区": "community", "村": "village"},
}
"""The kinds of community (``Community.kind``, a closed vocabulary of the ledgers) in English."""


def _message_key(rule: str, detail: Mapping[str, Any]) -> str:
    if rule == "unpaired_community":
        if not detail.get("party_orgs"):
            return "unpaired_community.no_party_org"
        return "unpaired_community.lapsed" if detail.get("pairings_ever") else rule
    if rule == "no_committee":
        return "no_committee.street" if detail.get("level") == "街道" else rule
    if rule in ("expired_pairing", "isolated_cluster") and detail.get("reason"):
        return f"{rule}.{detail['reason']}"
    if rule == "working_alone" and detail.get("reason") == "resources_unused":
        return "working_alone.resources_unused"
    if rule == "unmet_need":
        return (
            "unmet_need.unclaimed" if detail.get("status") == "待认领" else "unmet_need.unresolved"
        )
    return rule


_MESSAGES = {
    "zh": {
        "unpaired_community": "{name}：社区党组织尚无结对共建单位",
        "unpaired_community.no_party_org": "{name}：无社区党组织记录，无法结对共建",
        "unpaired_community.lapsed": "{name}：曾有{pairings_ever}项结对共建，截至{as_of}均已失效",
        "few_social_orgs": "{name}（{kind}）：社区社会组织{social_orgs}个，少于{minimum}个",
        "no_committee": "{name}：无社区党建协调委员会覆盖",
        "no_committee.street": "{name}：无街道党建工作协调委员会覆盖",
        "thin_committee": "{name}：成员单位{member_units}个，少于{minimum}个",
        "working_alone": "{name}：无有效结对、未加入协调委员会（各自作战）",
        "expired_pairing.ended": "{name}与{unit_name}的结对已于{until}到期，未续签",
        "expired_pairing.review_due": "{name}与{unit_name}的结对始于{since}，已满{review_years}年未续签",
        "isolated_cluster": "{name}：{size}个主体（{named}等）未与街道党工委连通",
        "isolated_cluster.no_working_committee": "{name}：无街道党工委记录，无法判断孤立片区",
        "unreported": "{name}：无在职党员到社区报到（双报到）",
        "working_alone.resources_unused": "{name}：提供的{resources}项资源在考核期内无人使用",
        "unmet_need.unclaimed": "{name}：提出{age_days}天无人认领，超过{deadline_days}天时限",
        "unmet_need.unresolved": "{name}：提出{age_days}天尚未办结，超过{deadline_days}天时限",
        "dormant_pairing": "{name}与{partner_name}结对，近{period_days}天无共建项目或办结需求（挂名结对）",
        "idle_resource": "{name}（{offerer_name}）：近{period_days}天无人使用",
        "no_needs_recorded": "{name}：台账中无需求记录（数据缺口）",
    },
    "en": {
        "unpaired_community": "{name}: its party organization has no pairing partner",
        "unpaired_community.no_party_org": "{name}: no community party organization recorded, nothing can pair with it",
        "unpaired_community.lapsed": "{name}: had {pairings_ever} pairings, none in force on {as_of}",
        "few_social_orgs": "{name} ({kind}): {social_orgs} community social organizations, fewer than {minimum}",
        "no_committee": "{name}: no community coordination committee covers it",
        "no_committee.street": "{name}: no street coordination committee covers it",
        "thin_committee": "{name}: {member_units} member units, fewer than {minimum}",
        "working_alone": "{name}: no pairing in force and no committee membership (working alone)",
        "expired_pairing.ended": "the pairing of {name} with {unit_name} ended on {until} and was not renewed",
        "expired_pairing.review_due": "the pairing of {name} with {unit_name} started on {since}: {review_years} years without renewal",
        "isolated_cluster": "{name}: {size} actors ({named}, ...) not connected to the street's party working committee",
        "isolated_cluster.no_working_committee": "{name}: no street party working committee recorded, isolated clusters cannot be judged",
        "unreported": "{name}: no in-service party members report to the community (dual reporting)",
        "working_alone.resources_unused": "{name}: none of the {resources} resources it offers was used in the period",
        "unmet_need.unclaimed": "{name}: raised {age_days} days ago and unclaimed, past the {deadline_days}-day limit",
        "unmet_need.unresolved": "{name}: raised {age_days} days ago and not resolved, past the {deadline_days}-day limit",
        "dormant_pairing": "{name} is paired with {partner_name}, with no joint project or resolved need in {period_days} days (pairing on paper only)",
        "idle_resource": "{name} ({offerer_name}): unused for {period_days} days",
        "no_needs_recorded": "{name}: no needs recorded in the ledger (data gap)",
    },
}


def proposal_reason(
    place: str,
    working_alone: bool,
    active_pairings: int,
    spare_after: int,
    community_has_party_org: bool,
    lang: str,
) -> str:
    """Why a unit is proposed for a community, from the proposal's data.

    >>> proposal_reason("same_street", True, 0, 1, False, "zh")
    '同街道；该单位各自作战（无结对、未加入协调委员会）；采纳本轮建议后还可结对1个；社区需先建立党组织'
    """
    m = _REASONS[lang]
    if working_alone:
        state = m["alone"]
    elif active_pairings:
        state = m["busy"].format(n=active_pairings)
    else:
        state = m["member"]
    parts = [name("place", place, lang), state, m["left"].format(n=spare_after)]
    if not community_has_party_org:
        parts.append(m["no_org"])
    return m["sep"].join(parts)


_REASONS = {
    "zh": {
        "alone": "该单位各自作战（无结对、未加入协调委员会）",
        "busy": "该单位已有{n}项结对",
        "member": "该单位已加入协调委员会、尚无结对",
        "left": "采纳本轮建议后还可结对{n}个",
        "no_org": "社区需先建立党组织",
        "sep": "；",
    },
    "en": {
        "alone": "the unit works alone (no pairing, no committee)",
        "busy": "the unit has {n} pairings",
        "member": "the unit sits on a committee and has no pairing",
        "left": "{n} more pairings possible after this round",
        "no_org": "the community must first set up a party organization",
        "sep": "; ",
    },
}


# --- Errors, warnings and command status lines ----------------------------------------------
#
# An error or warning is a code and parameters (``graphmodel.errors``); its sentence is here, in
# Chinese and English side by side: what went wrong, then what to do next. A placeholder names a
# parameter of the raise site; ``_fill`` renders the values in the language: a ``{"zh": ...,
# "en": ...}`` value by its language, lists joined, ``labels``/``label`` named, ``candidates``
# listed, ``param_type`` and ``action`` by their names below, ``more`` (a count) as "and N
# more" or nothing, an ``OSError`` as its reason, another error as its text.


def error_text(error: BaseException, lang: str) -> str:
    """What went wrong and what to do next, in ``lang``: a ``GraphmodelError`` or
    ``GraphmodelWarning`` from its code's template (``_ERRORS``), an ``OSError`` as its path
    and reason; anything else as its own text.

    >>> from graphmodel.errors import MissingStore
    >>> error_text(MissingStore("g.db"), "zh")[:14]
    '找不到库文件 g.db。请先'
    >>> error_text(FileNotFoundError(2, "No such file or directory", "x.toml"), "zh")
    'x.toml：文件或文件夹不存在。请检查路径和权限后重试。'
    """
    code = getattr(error, "code", None)
    params = getattr(error, "params", None)
    if isinstance(code, str) and isinstance(params, Mapping):
        if code not in _ERRORS:  # tests/test_vocabulary.py keeps this from happening
            return f"{code} {dict(params)}"
        return _fill(_ERRORS[code][LANGS.index(lang)], params, lang)
    if isinstance(error, OSError):
        reason = os_reason(error, lang)
        if error.filename is None:
            return reason
        return _fill(
            _ERRORS["os_error"][LANGS.index(lang)], {"path": error.filename, "reason": reason}, lang
        )
    return str(error)


def status_text(code: str, lang: str, **params: Any) -> str:
    """A command's status line (``_STATUS``: the local Neo4j server, the guide server, the
    prefixes of errors and warnings) in ``lang``, its placeholders filled from ``params``.

    >>> status_text("neo4j_stopped", "zh"), status_text("neo4j_stopped", "en")
    ('Neo4j 已停止。', 'Neo4j stopped.')
    """
    return _fill(_STATUS[code][LANGS.index(lang)], params, lang)


def error_codes() -> dict[str, tuple[str, str]]:
    """Every error and warning code with its (Chinese, English) template (for the tests)."""
    return dict(_ERRORS)


def status_codes() -> dict[str, tuple[str, str]]:
    """Every status-line code with its (Chinese, English) template (for the tests)."""
    return dict(_STATUS)


def usage_text(message: str, lang: str) -> str:
    """A usage error of click's in ``lang``: click words its own (a value that is not one of
    the choices, an option that does not exist, a missing argument) in English, and they are
    translated here from ``_CLICK_USAGE``; any other text is kept (graphmodel's own usage
    errors are worded in the command line's language where they are raised).

    >>> usage_text("Invalid value for '--rule': 'nope' is not one of 'a', 'b'.", "zh")
    "'--rule' 的值无效：'nope' 不是可选值之一：'a', 'b'。"
    >>> usage_text("No such option '--nope'. Did you mean '--note'?", "zh")
    "没有选项 '--nope'。您要找的是不是 '--note'？"
    """
    if lang != "zh":
        return message
    for pattern, template in _CLICK_USAGE:
        match = re.fullmatch(pattern, message, re.DOTALL)
        if match:
            return template.format(*(usage_text(part, lang) for part in match.groups()))
    return message


def os_reason(error: OSError, lang: str) -> str:
    """Why the system refused, in ``lang``: the common reasons by ``errno``, else the system's
    own words (``strerror``, which Python gives in English).

    >>> os_reason(PermissionError(13, "Permission denied"), "zh")
    '没有权限'
    """
    name = errno.errorcode.get(error.errno or 0, "")
    if name in _OS_REASONS:
        return _OS_REASONS[name][LANGS.index(lang)]
    return error.strerror or str(error)


def _fill(template: str, params: Mapping[str, Any], lang: str) -> str:
    sep = "、" if lang == "zh" else ", "
    values: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, Mapping) and set(value) == set(LANGS):
            value = value[lang]
        if key == "labels":
            value = "/".join(label_name(str(v), lang) for v in value)
        elif key == "label":
            value = label_name(str(value), lang)
        elif key == "param_type":
            value = _PARAM_TYPES[value][LANGS.index(lang)]
        elif key == "action":
            value = _STORE_ACTIONS[value][LANGS.index(lang)]
        elif key == "more":
            value = (
                (f"（另有 {value} 个）" if lang == "zh" else f" (and {value} more)")
                if value
                else ""
            )
        elif key == "candidates":
            value = sep.join(
                f"{cid}（{label_name(lab, lang)}{'，' + ctx if ctx else ''}）"
                if lang == "zh"
                else f"{cid} ({label_name(lab, lang)}{', ' + ctx if ctx else ''})"
                for cid, lab, ctx in value
            )
        elif isinstance(value, OSError):
            value = os_reason(value, lang)
        elif isinstance(value, BaseException):
            value = error_text(value, lang).rstrip("。.")
        elif isinstance(value, (list, tuple, set, frozenset)):
            value = sep.join(str(v) for v in value) or ("无" if lang == "zh" else "none")
        values[key] = value
    return template.format(**values)


_CLICK_USAGE = (
    (r"(.*) Did you mean (.+)\?", "{0}您要找的是不是 {1}？"),
    (r"(.*) \(Did you mean one of: (.+)\?\)", "{0}（您要找的是不是以下之一：{1}？）"),
    (r"Invalid value for (.+?): (.*)", "{0} 的值无效：{1}"),
    (r"Invalid value: (.*)", "值无效：{0}"),
    (r"Missing argument (.+?)\.(.*)", "缺少参数 {0}。{1}"),
    (r"Missing option (.+?)\.(.*)", "缺少选项 {0}。{1}"),
    (r"Missing parameter (.+?)\.(.*)", "缺少参数 {0}。{1}"),
    (r"Missing command\.", "缺少命令。"),
    (r"No such option (.+?)\.", "没有选项 {0}。"),
    (r"No such command (.+?)\.", "没有命令 {0}。"),
    (r"Got unexpected extra arguments? \((.+)\)", "多余的参数（{0}）。"),
    (r"Option (.+?) requires an argument\.", "选项 {0} 需要一个值。"),
    (r"Option (.+?) requires (\d+) arguments\.", "选项 {0} 需要 {1} 个值。"),
    (r"Option (.+?) does not take a value\.", "选项 {0} 不接受值。"),
    (r"(.+) is not a valid integer\.", "{0} 不是整数。"),
    (r"(.+) is not a valid float\.", "{0} 不是数。"),
    (r"(.+) is not in the range (.+)\.", "{0} 不在范围 {1} 内。"),
    (r"(.+) is not one of (.+)\.", "{0} 不是可选值之一：{1}。"),
    (r"('[^']*') is not ('[^']*')\.", "{0} 只能是 {1}。"),
    (r"File (.+) does not exist\.", "文件 {0} 不存在。"),
    (r"Directory (.+) does not exist\.", "文件夹 {0} 不存在。"),
    (r"Path (.+) does not exist\.", "路径 {0} 不存在。"),
    (r"(?:File|Path) (.+) is a directory\.", "{0} 是文件夹，这里要的是文件。"),
    (r"(?:Directory|Path) (.+) is a file\.", "{0} 是文件，这里要的是文件夹。"),
    (r"(?:File|Directory|Path) (.+) is not readable\.", "{0} 不可读。"),
    (r"(?:File|Directory|Path) (.+) is not writable\.", "{0} 不可写。"),
    (r"Choose from:\n\t(.*)", "请从以下选项中选择：\n\t{0}"),
)
"""click's own usage messages (English, ``click`` 8) as patterns, with their Chinese: the
parts a pattern captures are translated in turn (a message inside "Invalid value for")."""


_PARAM_TYPES = {
    "string": ("文本", "text"),
    "int": ("整数", "a whole number"),
    "float": ("数", "a number"),
    "bool": ("是或否（true/false）", "true or false"),
    "date": (
        "日期（2023-05-01、2023/5/1 或 2023年5月1日）",
        "a date (2023-05-01, 2023/5/1 or 2023年5月1日)",
    ),
    "list": ("列表（用逗号分隔）", "a list (comma-separated)"),
}
"""What a query parameter of each type takes (``queries.PARAM_TYPES``), as (Chinese, English)."""


_STORE_ACTIONS = {
    "open": ("打开", "open"),
    "begin": ("开始事务", "begin a transaction on"),
    "commit": ("提交", "commit to"),
    "write": ("写入", "write"),
    "clear": ("清空", "clear"),
    "read": ("读取", "read"),
    "connect": ("连接", "connect"),
    "load": ("载入", "load"),
}
"""What a store was doing when it failed, as (Chinese, English)."""


_OS_REASONS = {
    "ENOENT": ("文件或文件夹不存在", "no such file or folder"),
    "EACCES": ("没有权限", "permission denied"),
    "EPERM": ("不允许此操作", "operation not permitted"),
    "EEXIST": ("已存在同名文件", "a file of that name exists"),
    "ENOTDIR": ("路径中有一段不是文件夹", "a part of the path is not a folder"),
    "EISDIR": ("这是一个文件夹", "it is a folder"),
    "ENOSPC": ("磁盘已满", "no space left on the disk"),
    "EROFS": ("只读文件系统", "read-only file system"),
    "EADDRINUSE": ("端口已被占用", "the port is in use"),
    "EADDRNOTAVAIL": ("本机没有这个地址", "this machine has no such address"),
    "ECONNREFUSED": ("连接被拒绝", "connection refused"),
    "ENAMETOOLONG": ("文件名太长", "the file name is too long"),
}
"""The reasons a user meets most, by ``errno`` name, as (Chinese, English)."""


_ERRORS: dict[str, tuple[str, str]] = {
    # The store and names (graphmodel.errors)
    "empty_store": (
        "库中还没有数据。请先载入台账：graphmodel load 台账.xlsx（不带文件则载入示例数据），"
        "再运行本命令。",
        "The store is empty. Load a ledger first: graphmodel load 台账.xlsx (without a file it "
        "loads the seed dataset), then run this command again.",
    ),
    "missing_store": (
        "找不到库文件 {path}。请先载入台账：graphmodel load 台账.xlsx --db {path}；"
        "若库在别处，请用 --db 指明。",
        "There is no store at {path}. Load a ledger first (graphmodel load 台账.xlsx --db "
        "{path}); if the store is elsewhere, name it with --db.",
    ),
    "old_store": (
        "{path} 是旧版（JSON）库，本版本不再读取。请重新载入台账"
        "（graphmodel load 台账.xlsx --db 新文件.db），然后删除 {path}。",
        "{path} is a store in the older JSON format, which this graphmodel no longer reads: "
        "load the ledgers again (graphmodel load LEDGER --db FILE.db), then delete {path}.",
    ),
    "store_busy": (
        "库 {path} 正被另一次载入写入，等了 {timeout:g} 秒仍未空出，本次未写入任何内容。"
        "请稍后重新运行本命令。",
        "the store {path} is being written by another graphmodel load and stayed busy for "
        "{timeout:g} s; nothing was written: run this command again.",
    ),
    "not_found": (
        "找不到名称或编号为「{ref}」的{labels}。请核对名称，或用 graphmodel stats 查看库中有"
        "哪些街道和社区。",
        "No {labels} has the id or name '{ref}'. Check the name, or see what the store holds "
        "with graphmodel stats.",
    ),
    "not_found_suggest": (
        "找不到名称或编号为「{ref}」的{labels}。您要找的是不是：{suggestions}？"
        "请用完整名称或编号重试。",
        "No {labels} has the id or name '{ref}'. Did you mean: {suggestions}? Try again with "
        "the full name or an id.",
    ),
    "ambiguous_name": (
        "「{ref}」对应 {n} 条记录，请改用编号：{candidates}",
        "'{ref}' names {n} records; use an id: {candidates}",
    ),
    "os_error": (
        "{path}：{reason}。请检查路径和权限后重试。",
        "{path}: {reason}. Check the path and its permissions, then try again.",
    ),
    # Analyses (graphmodel.analysis)
    "unknown_rule": (
        "没有名为「{rule}」的缺口规则。可用的规则：{rules}。",
        "unknown rule '{rule}' (rules: {rules}).",
    ),
    "pairing_date": (
        "结对日期「{day}」不是 YYYY-MM-DD 格式的日期。请在台账中改正该日期后重新载入。",
        "A pairing date is not an ISO date (YYYY-MM-DD): '{day}'. Correct it in the ledger and "
        "load it again.",
    ),
    "reach_hops": (
        "跳数至少为 1，而不是 {hops}。请用 --hops 1 或更大的数。",
        "hops must be at least 1, not {hops}. Give --hops 1 or more.",
    ),
    "reach_via": (
        "--via 只接受 {via}（用逗号分隔），而不是「{given}」。例如：--via pairing,committee。",
        "--via takes {via} (comma-separated), not '{given}'. For example: --via pairing,committee.",
    ),
    "unit_capacity": (
        "单位「{name}」（{id}）的结对容量应为 0 或更大的整数，而不是 {capacity}。请在台账中改正后"
        "重新载入。",
        "unit '{name}' ({id}): capacity must be a whole number >= 0, got {capacity}. Correct it "
        "in the ledger and load it again.",
    ),
    "scope_several": (
        "--district、--street 和 --around 只能选一个。请只保留其中一个。",
        "Give one of --district, --street and --around, not several.",
    ),
    "scope_hops": (
        "--hops 应为 0 或更大的数，而不是 {hops}。",
        "--hops must be 0 or more, got {hops}.",
    ),
    "trend_period": (
        "没有「{every}」这种统计周期。请从 {choices} 中选一个。",
        "Unknown period '{every}'. Choose from {choices}.",
    ),
    "trend_order": (
        "趋势的结束日（{end}）早于开始日（{start}）。请对调 --from 与 --to。",
        "The trend ends ({end}) before it starts ({start}). Swap --from and --to.",
    ),
    "whatif_no_pairing": (
        "{day} 时「{a}」与「{b}」之间没有有效的结对，无从结束。请用 graphmodel pairings 查看"
        "在此日期有效的结对。",
        "no pairing in force between '{a}' and '{b}' on {day} to end. See the pairings in force "
        "on that day with graphmodel pairings.",
    ),
    # The policy file (graphmodel.analysis.policy)
    "policy_unreadable": (
        "无法读取政策文件 {path}：{error}。请检查路径，或去掉 --policy 使用内置默认值。",
        "cannot read policy file {path}: {error}. Check the path, or leave out --policy to use "
        "the built-in defaults.",
    ),
    "policy_not_toml": (
        "政策文件 {path} 不是有效的 TOML 文件（{reason}）。请对照 docs/policy.example.toml 改正。",
        "Policy file {path} is not valid TOML ({reason}). Correct it after "
        "docs/policy.example.toml.",
    ),
    "policy_not_utf8": (
        "政策文件 {path} 不是 UTF-8 文本文件（TOML）。请用文本编辑器以 UTF-8 编码另存。",
        "Policy file {path} is not a UTF-8 text file (TOML). Save it as UTF-8 text from a text "
        "editor.",
    ),
    "policy_unknown_key": (
        "{where}：未知的设置项「{key}」。可用的设置项：{known}。",
        "{where}: unknown key '{key}'. The known keys: {known}.",
    ),
    "policy_costs": (
        "{where}：成本必须逐级增大（{keys}），现在是 {costs}。请改正这几个值。",
        "{where}: the costs must increase, {keys}; got {costs}. Correct these values.",
    ),
    "policy_districts": (
        "{where}：「districts」必须写成若干个 [districts.<区的编号或名称>] 表。",
        "{where}: 'districts' must be a table of [districts.<id or name>].",
    ),
    "policy_district_table": (
        "{where}：「districts.{district}」必须是一个表（[districts.{district}]）。",
        "{where}: 'districts.{district}' must be a table ([districts.{district}]).",
    ),
    "policy_district_key": (
        "{where}：未知的设置项「{key}」。区一级可以设置：{known}。",
        "{where}: unknown key '{key}'. A district may set: {known}.",
    ),
    "policy_names": (
        '{where}：「{key}」应为名称列表（如 ["区", "街道"]），而不是 {value}。',
        '{where}: \'{key}\' must be a list of names (like ["区", "街道"]), got {value}.',
    ),
    "policy_level": (
        "{where}：「{key}」中有未知的层级「{level}」。可用的层级：{levels}。",
        "{where}: '{key}' has unknown level '{level}'. The levels: {levels}.",
    ),
    "policy_whole": (
        "{where}：「{key}」应为不小于 {minimum} 的整数，而不是 {value}。",
        "{where}: '{key}' must be a whole number >= {minimum}, got {value}.",
    ),
    "policy_maximum": (
        "{where}：「{key}」最大为 {maximum}，而不是 {value}。",
        "{where}: '{key}' must be at most {maximum}, got {value}.",
    ),
    "policy_unknown_district": (
        "政策文件为区「{district}」设置了阈值，但图中没有编号或名称为「{district}」的区，"
        "这些设置未被采用。请核对区名（如「东城区」）。",
        "the policy sets thresholds for district '{district}', which is neither the id nor the "
        "name of a district in the graph; they are not applied. Check the district's name.",
    ),
    # The Browser guide server (graphmodel.browser)
    "guide_port_variable": (
        "GRAPHMODEL_GUIDE_PORT={value} 不是端口号。请设为 1 到 65535 之间的数，或取消这个变量。",
        "GRAPHMODEL_GUIDE_PORT={value} is not a port number. Set it to a number from 1 to 65535, "
        "or unset it.",
    ),
    "guide_unknown_query": (
        "指南引用了查询库中没有的查询「{name}」。请改正 guide.html 中的名称"
        "（graphmodel query --list 列出全部查询）。",
        "The guide names an unknown query '{name}'. Correct the name in guide.html "
        "(graphmodel query --list shows the queries).",
    ),
    "guide_port_taken": (
        "{host} 的端口 {port} 已被占用。请用 GRAPHMODEL_GUIDE_PORT 为指南服务另选端口。",
        "Port {port} on {host} is taken; choose the guide server's port with "
        "GRAPHMODEL_GUIDE_PORT.",
    ),
    "guide_not_started": (
        "指南服务没有在端口 {port} 上启动。原因见日志 {log}。",
        "The guide server did not start on port {port}; see {log}.",
    ),
    "serve_port_in_use": (
        "{host} 的端口 {port} 已被占用（另一个指南服务或其他程序）。请用 --port 另选端口。",
        "port {port} on {host} is in use (another guide server, or another program); choose "
        "another with --port.",
    ),
    "serve_failed": (
        "无法在 {host}:{port} 上提供服务：{error}。请换一个 --host 或 --port。",
        "Cannot serve on {host}:{port}: {error}. Choose another --host or --port.",
    ),
    "serve_not_loopback": (
        "正在 {host} 上提供服务，而不是本机地址：凡能访问 {host}:{port} 的人都能读取指南和样式"
        "（除非 Browser 在另一台机器上，请用 --host localhost）。",
        "serving on {host}, not on this machine's own address: anyone who can reach "
        "{host}:{port} can read the guide and the style (use --host localhost unless Browser "
        "runs on another machine).",
    ),
    # Cypher statements, the Neo4j connection, export and generate
    "cypher_placeholders": (
        "cypher/{name}.cypher 需要占位符 {wanted}，实际给出 {given}（graphmodel 的缺陷，请报告）。",
        "cypher/{name}.cypher takes {wanted}, got {given} (a bug in graphmodel: please report it).",
    ),
    "cypher_identifier": (
        "{key}={value} 不是简单标识符（只能有字母、数字和下划线）。",
        "{key}={value} is not a plain identifier (letters, digits and underscores only).",
    ),
    "cypher_name": (
        "「{name}」不是语句名称（应形如 load/merge_nodes）。",
        "'{name}' is not a statement name (like 'load/merge_nodes').",
    ),
    "cypher_missing": (
        "没有 Cypher 语句「{name}」（{path}）：安装的软件包不完整，请重新安装 graphmodel。",
        "no Cypher statement '{name}' ({path}): the installed package is incomplete; install "
        "graphmodel again.",
    ),
    "neo4j_uri_scheme": (
        "无法使用 Neo4j 地址 {uri}：它必须以 {schemes} 之一开头（如 bolt://127.0.0.1:7687）。"
        "请改正 --uri 或 NEO4J_URI。",
        "cannot use the Neo4j URI {uri}: it must start with one of {schemes} (e.g. "
        "bolt://127.0.0.1:7687). Correct --uri or NEO4J_URI.",
    ),
    "neo4j_uri_bad": (
        "无法使用 Neo4j 地址 {uri}：{reason}。请改正 --uri 或 NEO4J_URI（如 bolt://127.0.0.1:7687）。",
        "cannot use the Neo4j URI {uri}: {reason}. Correct --uri or NEO4J_URI (e.g. "
        "bolt://127.0.0.1:7687).",
    ),
    "export_format": (
        "没有「{fmt}」这种导出格式。可用的格式：{formats}。",
        "Unknown format '{fmt}'. The formats: {formats}.",
    ),
    "generate_scale": (
        "没有「{name}」这种规模。请从 {scales} 中选一个。",
        "unknown scale '{name}': choose one of {scales}.",
    ),
    "generate_counts": (
        "数量必须满足 1 ≤ 区数 ≤ 街道数 ≤ 社区数，现在是 {districts}、{streets}、{communities}。"
        "请调整这几个数量。",
        "counts must satisfy 1 <= districts <= streets <= communities, got {districts}, "
        "{streets}, {communities}. Adjust the counts.",
    ),
    # Reading ledgers (graphmodel.ledger)
    "ledger_none": (
        "没有给出台账。请写出台账文件或文件夹：graphmodel load 台账.xlsx",
        "No ledger given. Name a ledger file or folder: graphmodel load 台账.xlsx",
    ),
    "ledger_empty_folder": (
        "{path}：文件夹中没有 .csv 文件。请给出含有台账 CSV 文件的文件夹，或直接给出 .xlsx 台账。",
        "{path}: the folder holds no .csv files. Name a folder of ledger CSV files, or an .xlsx "
        "ledger.",
    ),
    "ledger_missing": (
        "{path}：没有这个文件或文件夹。请核对路径。",
        "{path}: no such file or folder. Check the path.",
    ),
    "ledger_xls": (
        "{path}：不读取旧版 .xls 工作簿。请在 Excel 中另存为 .xlsx 后再载入。",
        "{path}: old .xls workbooks are not read; save it as .xlsx in Excel and load that.",
    ),
    "ledger_kind": (
        "{path}：台账应为 .xlsx 工作簿、.csv 文件或装有 .csv 文件的文件夹。",
        "{path}: a ledger is a folder of .csv files, a .csv or an .xlsx.",
    ),
    "ledger_no_table": (
        "{paths} 中没有可识别的表。工作表名或文件名应为：{tables}（graphmodel template "
        "可生成空白台账）。",
        "no known table in {paths}. The sheets or files must be named: {tables} "
        "(graphmodel template writes a blank ledger).",
    ),
    "ledger_unreadable": (
        "{path}：无法读取（{error}）。请检查文件是否存在、是否有读取权限。",
        "{path}: cannot read ({error}). Check that the file exists and may be read.",
    ),
    "ledger_csv": (
        "{path}：第 {line} 行不是有效的 CSV（{reason}）。请在 Excel 中打开并另存为「CSV UTF-8」。",
        "{path}: line {line} is not readable CSV ({reason}). Open it in Excel and save it as "
        "CSV UTF-8.",
    ),
    "ledger_xlsx": (
        "{path}：不是可读取的 .xlsx 工作簿（{reason}）。请在 Excel 中打开并另存为 .xlsx。",
        "{path}: not a readable .xlsx workbook ({reason}). Open it in Excel and save it as .xlsx.",
    ),
    "ledger_encoding": (
        "{path}：编码无法识别，第 {line} 行既不是 UTF-8 也不是 GBK/GB18030。请另存为「CSV UTF-8」。",
        "{path}: unknown encoding: line {line} is neither UTF-8 nor GBK/GB18030; save the file "
        "as CSV UTF-8.",
    ),
    "ledger_mixed_encoding": (
        "{path}：编码混杂，第 {line} 行不是 UTF-8（可能是 GBK），而第 {utf8_line} 行是。"
        "请将整个文件重新另存为「CSV UTF-8」。",
        "{path}: mixed encodings: line {line} is not UTF-8 (GBK?) though line {utf8_line} is; "
        "save the whole file again as CSV UTF-8.",
    ),
    "rejects_unwritable": (
        "无法写出被拒绝的行：{error}。",
        "cannot write the rejects: {error}.",
    ),
    "rejects_overwrite_ledger": (
        "--rejects {path} 会覆盖正在载入的台账 {ledger}。请为 --rejects 另选路径。",
        "--rejects {path} would overwrite the ledger {ledger} being loaded; choose another "
        "--rejects path.",
    ),
    "rejects_workbook_folder": (
        "无法写出被拒绝行工作簿 {path}：已有同名文件夹。请为 --rejects 另选路径。",
        "cannot write the rejects workbook {path}: a folder has that name; choose another "
        "--rejects path.",
    ),
    "rejects_workbook_other": (
        "无法写出被拒绝行工作簿 {path}：该文件已存在，且不是被拒绝行工作簿。请为 --rejects "
        "另选路径。",
        "cannot write the rejects workbook {path}: the file exists and is not a rejects "
        "workbook; choose another --rejects path.",
    ),
    "rejects_folder_file": (
        "无法写出被拒绝行文件夹 {path}：已有同名文件。请为 --rejects 另选路径。",
        "cannot write the rejects folder {path}: a file has that name; choose another --rejects "
        "path.",
    ),
    "rejects_folder_other": (
        "无法写出被拒绝行文件夹 {path}：其中有不是被拒绝行的文件（{files}）。请为 --rejects "
        "另选路径。",
        "cannot write the rejects folder {path}: it holds files that are not rejects "
        "({files}); choose another --rejects path.",
    ),
    "template_suffix": (
        "{path}：模板是 Excel 工作簿，文件名请以 .xlsx 结尾。",
        "{path}: the template is an Excel workbook; name it *.xlsx.",
    ),
    "template_exists": (
        "{path} 已存在。请另选文件名，或加 --force 覆盖。",
        "{path} exists; choose another name or pass --force.",
    ),
    "cannot_write": (
        "无法写入 {path}：{error}。请检查文件夹是否存在、是否可写，以及文件是否正在 Excel 中打开。",
        "cannot write {path}: {error}. Check that the folder exists and may be written, and that "
        "the file is not open in Excel.",
    ),
    "workbook_too_large": (
        "{path}：工作簿过大，其中的 {part} 解压后有 {size:,} 字节，超过台账上限 {most:,} 字节。"
        "请将表另存为「CSV UTF-8」或拆分。",
        "{path}: workbook too large: its part {part} unpacks to {size:,} bytes, over the "
        "{most:,} a ledger may hold; save the table as CSV UTF-8 or split it.",
    ),
    "workbook_merged": (
        "{where}：合并单元格过大，{range} 使本表的合并单元格达到 {cells:,} 个，超过台账上限 "
        "{most:,} 个。请取消合并。",
        "{where}: merged range too large: {range} brings the sheet's merged cells to {cells:,}, "
        "over the {most:,} a ledger may merge; unmerge it.",
    ),
    "workbook_cells": (
        "{where}：工作表过大，超过 {most:,} 个单元格。请将表另存为「CSV UTF-8」或拆分。",
        "{where}: sheet too large: over {most:,} cells; save the table as CSV UTF-8 or split it.",
    ),
    "workbook_row_outside": (
        "{where}：超出台账范围，第 {row} 行超出了台账工作表可用的 {rows:,} 行 × {columns} 列。"
        "请删除那里的内容（或把表复制到新工作表）。",
        "{where}: outside a ledger's bounds: row {row} lies beyond the {rows:,} rows × {columns} "
        "columns a ledger sheet may use; delete what is there (or copy the table to a new "
        "sheet).",
    ),
    "workbook_cell_outside": (
        "{where}：超出台账范围，单元格 {cell} 超出了台账工作表可用的 {rows:,} 行 × {columns} 列。"
        "请删除那里的内容（或把表复制到新工作表）。",
        "{where}: outside a ledger's bounds: cell {cell} lies beyond the {rows:,} rows × "
        "{columns} columns a ledger sheet may use; delete what is there (or copy the table to a "
        "new sheet).",
    ),
    "seed_missing": (
        "示例台账不在 {path}（安装的软件包不完整）。请写出要载入的台账：graphmodel load 台账.xlsx",
        "the seed ledger is not at {path} (the package is incomplete); name a ledger: "
        "graphmodel load LEDGER",
    ),
    # The report
    "report_area_both": (
        "--district 和 --street 只能选一个。",
        "Choose --district or --street, not both.",
    ),
    "report_lang": (
        "没有「{lang}」这种报告语言。请从 {langs} 中选一个。",
        "Unknown report language '{lang}'. Choose from {langs}.",
    ),
    # The local Neo4j server (graphmodel.neo4j_server)
    "server_mvn_missing": (
        "在 PATH 中找不到 {tool}：首次获取 Neo4j 的 jar 包需要 Maven（mvn），从 Maven Central "
        "下载。请安装它（Debian：apt-get install maven）。",
        "{tool} not found on PATH: Maven (mvn) is needed once to fetch the Neo4j jars from Maven "
        "Central; install it (Debian: apt-get install maven).",
    ),
    "server_java_missing": (
        "在 PATH 中找不到 {tool}：Neo4j 5.26 需要 Java 17 或 21。请安装它"
        "（Debian：apt-get install openjdk-17-jre-headless）。",
        "{tool} not found on PATH: Neo4j 5.26 runs on Java 17 or 21; install it (Debian: "
        "apt-get install openjdk-17-jre-headless).",
    ),
    "server_java_old": (
        "Neo4j 5.26 需要 Java 17 或 21，而 {java} 是：{found}。请安装 Java 17 或 21"
        "（Debian：apt-get install openjdk-17-jre-headless）。",
        "Neo4j 5.26 needs Java 17 or 21; {java} is: {found}. Install Java 17 or 21 (Debian: "
        "apt-get install openjdk-17-jre-headless).",
    ),
    "server_fetch_failed": (
        "mvn 未能从 Maven Central 获取 Neo4j {version} 和 Browser {browser}。请检查网络后重试"
        "（graphmodel neo4j fetch）：\n{output}",
        "mvn could not fetch Neo4j {version} and Browser {browser} from Maven Central; check the "
        "network and try again (graphmodel neo4j fetch):\n{output}",
    ),
    "server_password_short": (
        "NEO4J_PASSWORD 至少要有 8 个字符（Neo4j 的最低要求）。请换一个更长的密码，或取消这个变量"
        "（将自动生成密码）。",
        "NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum); choose a longer one, "
        "or unset it (a password is then generated).",
    ),
    "server_password_differs": (
        "NEO4J_PASSWORD 与创建本实例时的密码（{file}）不同。请取消这个变量，或删除 {home} "
        "重新开始。",
        "NEO4J_PASSWORD differs from the password this instance was created with ({file}); "
        "unset it, or remove {home} to start afresh.",
    ),
    "server_port_taken": (
        "127.0.0.1 的端口 {port} 已被占用（另一个 Neo4j？）。请用 NEO4J_BOLT_PORT / "
        "NEO4J_HTTP_PORT 另选端口。",
        "port {port} on 127.0.0.1 is taken (another Neo4j?); choose others with NEO4J_BOLT_PORT "
        "/ NEO4J_HTTP_PORT.",
    ),
    "server_port_variable": (
        "{name}={value} 不是端口号。请设为 1 到 65535 之间的数。",
        "{name}={value} is not a port number; set it to a number from 1 to 65535.",
    ),
    "server_not_started": (
        "Neo4j 未能启动。输出和日志的最后几行如下：\n{output}\n{log}",
        "Neo4j did not start. The last lines of its output and log:\n{output}\n{log}",
    ),
    "server_not_stopped": (
        "Neo4j 未能停止。输出的最后几行如下：\n{output}",
        "Neo4j did not stop. The last lines of its output:\n{output}",
    ),
    "server_command_failed": (
        "{command} 失败。输出的最后几行如下：\n{output}",
        "{command} failed. The last lines of its output:\n{output}",
    ),
    "server_exited": (
        "Neo4j 在启动过程中退出。日志的最后几行如下：\n{log}",
        "Neo4j exited while starting. The last lines of its log:\n{log}",
    ),
    "server_password_refused": (
        "Neo4j 在 {uri} 运行，但不接受 {file} 中的密码：{reason}。请删除该实例文件夹后重新启动，"
        "或设置正确的 NEO4J_PASSWORD。",
        "Neo4j runs at {uri} but refuses the password in {file}: {reason}. Remove the instance "
        "folder and start again, or set the right NEO4J_PASSWORD.",
    ),
    "server_no_bolt": (
        "Bolt 在 {timeout:.0f} 秒内没有在 {uri} 应答（{reason}）；服务器保持运行以便检查"
        "（graphmodel neo4j stop 可停止它），也可用 --timeout 等得更久。日志的最后几行如下：\n{log}",
        "Bolt did not answer at {uri} within {timeout:.0f}s ({reason}); the server is left "
        "running for inspection (graphmodel neo4j stop), or wait longer with --timeout. The last "
        "lines of its log:\n{log}",
    ),
    # The query library (graphmodel.queries)
    "param_value": (
        "参数 {name} 应为{param_type}（如 {name}={example}），而不是「{value}」。",
        "parameter {name} takes {param_type} (e.g. {name}={example}), not '{value}'.",
    ),
    "param_int_range": (
        "参数 {name} 的值 {value} 超出了 Cypher 整数（64 位）的范围。请给一个更小的数。",
        "parameter {name}: {value} is beyond the range of a Cypher integer (64 bits); give a "
        "smaller number.",
    ),
    "param_not_pair": (
        "参数「{pair}」不是 键=值 的形式。请写成 -p 名称=值，如 -p ref=站东社区。",
        "parameter '{pair}' is not key=value; write -p name=value, e.g. -p ref=站东社区.",
    ),
    "param_unknown": (
        "查询 {query} 没有参数「{key}」。它的参数：{known}。",
        "{query} has no parameter '{key}' (it takes: {known}).",
    ),
    "param_missing": (
        "查询 {query} 需要参数 {missing}，例如：{hint}",
        "{query} needs {missing}, e.g. {hint}",
    ),
    "query_unknown": (
        "查询库中没有名为「{name}」的查询。可用的查询：{names}。",
        "no query named '{name}'; the library has: {names}.",
    ),
    "query_unknown_suggest": (
        "查询库中没有名为「{name}」的查询。您要找的是不是：{suggestions}？"
        "（graphmodel query --list 列出全部查询）",
        "no query named '{name}'. Did you mean: {suggestions}? (graphmodel query --list shows "
        "them all)",
    ),
    "query_needs_neo4j": (
        "graphmodel query 运行 Cypher 查询，需要 Neo4j：请加 --store neo4j（或设置 "
        "GRAPHMODEL_STORE=neo4j），并用 graphmodel neo4j start 启动本地服务器。",
        "graphmodel query runs Cypher, so it needs Neo4j: add --store neo4j (or set "
        "GRAPHMODEL_STORE=neo4j); start the local server with graphmodel neo4j start.",
    ),
    "query_writes": (
        "查询 {query} 会写入数据（查询类型 {kind}），而 graphmodel query 只运行只读语句。",
        "{query} would write (query type '{kind}'); graphmodel query runs read-only statements "
        "only.",
    ),
    "query_rejected": (
        "服务器拒绝了查询 {query}：{reason}",
        "{query}: the server rejected it: {reason}",
    ),
    "neo4j_lost": (
        "无法连接 Neo4j。请用 graphmodel neo4j status 查看服务器是否在运行。（系统提示：{reason}）",
        "Neo4j cannot be reached: {reason}. See whether the server runs with graphmodel neo4j "
        "status.",
    ),
    "query_library_missing": (
        "{folder} 中没有查询库：安装的软件包不完整，请重新安装 graphmodel。",
        "no query library at {folder}: the installed package is incomplete; install graphmodel "
        "again.",
    ),
    "query_file_tag": (
        "{where}：第 {line} 行有未知的标记 @{tag}。",
        "{where}: line {line}: unknown tag @{tag}.",
    ),
    "query_file_twice": ("{where}：@{tag} 出现了两次。", "{where}: @{tag} given twice."),
    "query_file_lacks": ("{where}：文件头缺少 {tags}。", "{where}: the header lacks {tags}."),
    "query_file_name_case": (
        "{where}：@name「{name}」应为小写加下划线（lower_snake_case）。",
        "{where}: @name '{name}' is not lower_snake_case.",
    ),
    "query_file_name_differs": (
        "{where}：@name「{name}」与文件名不同。",
        "{where}: @name '{name}' differs from the file name.",
    ),
    "query_file_mode": (
        "{where}：@mode 只能是 read 或 write，而不是「{mode}」。",
        "{where}: @mode must be read or write, not '{mode}'.",
    ),
    "query_file_empty": (
        "{where}：文件头之后没有语句。",
        "{where}: no statement after the header.",
    ),
    "query_file_params": (
        "{where}：使用的参数 {used} 与声明的参数 {declared} 不同。",
        "{where}: parameters used [{used}] differ from those declared [{declared}].",
    ),
    "query_file_param": (
        "{where}：@param「{value}」应写成「名称: 类型 = 示例 -- 说明」。",
        "{where}: @param '{value}' is not 'name: type = example -- doc'.",
    ),
    "query_file_param_type": (
        "{where}：@param {name} 的类型「{kind}」不是 {types} 之一。",
        "{where}: @param {name} has type '{kind}', not one of {types}.",
    ),
    # The stores (graphmodel.store)
    "embedded_failed": (
        "无法{action}内嵌库 {path}：{reason}。请检查磁盘空间和文件权限；若库文件已损坏，请用 "
        "--db 指向新文件并重新载入台账。",
        "cannot {action} the embedded store {path}: {reason}. Check the disk space and the "
        "file's permissions; if the file is damaged, name a new one with --db and load the "
        "ledgers again.",
    ),
    "embedded_no_folder": (
        "无法为库 {path} 创建文件夹：{error}。请用 --db 指向可写的位置。",
        "cannot make the folder of the store {path}: {error}. Name a writable place with --db.",
    ),
    "embedded_not_sqlite": (
        "{path} 不是 graphmodel 内嵌库（不是 SQLite 数据库）。请用 --db 指向库文件，或指向新文件"
        "并重新载入台账。",
        "{path} is not a graphmodel embedded store (not a SQLite database); name the store "
        "with --db, or a new file and load the ledgers again.",
    ),
    "embedded_foreign": (
        "{path} 是 SQLite 数据库，但不是 graphmodel 内嵌库。请用 --db 指向库文件，或指向新文件"
        "并重新载入台账。",
        "{path} is a SQLite database but not a graphmodel embedded store; name the store with "
        "--db, or a new file and load the ledgers again.",
    ),
    "embedded_version": (
        "{path} 的库格式版本是 {version}，而本版本读取的是 {reads}。请使用写入它的 graphmodel，"
        "或用 --db 指向新文件重新载入台账。",
        "{path} has store format version {version}; this graphmodel reads version {reads}: use "
        "the graphmodel that wrote it, or load the ledgers again into a new store (--db).",
    ),
    "store_no_node": (
        "没有编号为「{node}」的节点{more}。请先载入含有它的台账。",
        "no node '{node}'{more}. Load the ledger that holds it first.",
    ),
    "store_no_end": (
        "关系 {type} {start} -> {end}：没有节点「{node}」{more}，未写入任何内容。请先载入含有它的"
        "台账。",
        "{type} {start} -> {end}: no node '{node}'{more}; nothing was written. Load the ledger "
        "that holds it first.",
    ),
    "store_label": (
        "未知的标签「{name}」。模式中的标签：{known}。",
        "unknown label '{name}'; the schema has {known}.",
    ),
    "store_type": (
        "未知的关系类型「{name}」。模式中的关系类型：{known}。",
        "unknown relationship type '{name}'; the schema has {known}.",
    ),
    "neo4j_auth": (
        "{uri} 的 Neo4j 拒绝了用户「{user}」：密码错误或未设置。请设置 NEO4J_PASSWORD"
        "（本地服务器的密码在 .neo4j/password 或 GRAPHMODEL_NEO4J_HOME 下）[{code}]。",
        "Neo4j at {uri} refused user '{user}': wrong or missing password. Set NEO4J_PASSWORD "
        "(the local server keeps its password in .neo4j/password, or under "
        "GRAPHMODEL_NEO4J_HOME) [{code}].",
    ),
    "neo4j_unreachable": (
        "无法连接 {uri} 的 Neo4j。请用 graphmodel neo4j start 启动本地服务器，或让 NEO4J_URI "
        "指向正在运行的 Neo4j 5。（系统提示：{reason}）",
        "Neo4j is not reachable at {uri} ({reason}). Start the local server with graphmodel "
        "neo4j start, or point NEO4J_URI at a running Neo4j 5.",
    ),
    "neo4j_failed": (
        "Neo4j 无法{action}：{reason}",
        "Neo4j could not {action}: {reason}",
    ),
    # Fonts of the report's charts (graphmodel.report.fonts)
    "font_missing": (
        "未安装中文字体包 {package}：图表中的中文将显示为方框。请安装：pip install {package}",
        "the CJK font package {package} is not installed: Chinese labels will show as boxes "
        "(pip install {package}).",
    ),
    "font_glyphs": (
        "字体 {family} 缺少这些字的字形：{missing}（图表中将显示为方框）。",
        "font {family} has no glyph for: {missing} (they will show as boxes in the charts).",
    ),
    # (end of _ERRORS)
}
"""Every error and warning, by code: (Chinese, English) templates whose placeholders are the
parameters of the code's raise sites (``tests/test_vocabulary.py`` checks both)."""


_STATUS: dict[str, tuple[str, str]] = {
    # Every command: the error and warning lines (graphmodel.cli.group)
    "error": ("错误：{message}", "Error: {message}"),
    "warning": ("警告：{message}", "warning: {message}"),
    "aborted": ("已中止。", "Aborted!"),
    "bug": (
        "意外错误，这是 graphmodel 的缺陷（{error}）。请连同所运行的命令一起报告"
        "（设置 {variable}=1 可显示出错位置）。",
        "unexpected error, a bug in graphmodel ({error}); please report it with the command "
        "you ran ({variable}=1 shows where).",
    ),
    # graphmodel neo4j fetch|start|stop|status
    "neo4j_fetched": (
        "Neo4j {version} 的 jar 包已在 {folder}。",
        "Neo4j {version} jars in {folder}.",
    ),
    "neo4j_running": (
        "Neo4j {version} 正在运行（pid {pid}）：Bolt {bolt}，Browser {browser}，用户 neo4j，"
        "密码在 {home}/password。",
        "Neo4j {version} is running (pid {pid}): Bolt {bolt}, Browser {browser}, user neo4j, "
        "password in {home}/password.",
    ),
    "neo4j_stopped": ("Neo4j 已停止。", "Neo4j stopped."),
    "neo4j_not_running": ("Neo4j 本来就没有运行。", "Neo4j was not running."),
    "neo4j_yes": ("是", "yes"),
    "neo4j_no": ("否（graphmodel neo4j start 可启动）", "no (graphmodel neo4j start starts it)"),
    "neo4j_row_running": ("正在运行", "running"),
    "neo4j_row_version": ("版本", "version"),
    "neo4j_row_home": ("实例文件夹", "home"),
    "neo4j_row_data": ("数据文件夹", "data"),
    # graphmodel browser serve
    "serve_serving": (
        "正在 {url}/ 提供 {folder}（按 Ctrl+C 停止）。",
        "Serving {folder} at {url}/ (Ctrl+C to stop).",
    ),
    "serve_commands": (
        "请在 Neo4j Browser 中运行：:style {url}/style.grass\n"
        "                        :play {url}/guide.html",
        "In Neo4j Browser run:  :style {url}/style.grass\n"
        "                       :play {url}/guide.html",
    ),
    "serve_stopped": ("已停止。", "stopped."),
    # Usage errors (exit code 2): the help hint, and the commands' own
    "usage_help": ("请用 '{command} --help' 查看帮助。", "Try '{command} --help' for help."),
    "usage_json_csv": ("--json 和 --csv 只能选一个。", "--json and --csv exclude each other."),
    "usage_whatif_nothing": (
        "请至少给出一个 --remove 或 --end-pairing。",
        "name at least one --remove or --end-pairing.",
    ),
    "usage_query_name": (
        "请给出查询名称（graphmodel query --list 列出全部查询）。",
        "name a query (graphmodel query --list shows them).",
    ),
    "usage_date": (
        "「{value}」不是有效的日期：请写成 2023-05-01、2023/5/1 或 2023年5月1日。",
        "'{value}' is not a date: write 2023-05-01, 2023/5/1 or 2023年5月1日.",
    ),
    "usage_iso_date": (
        "「{value}」不是日期：请写成 YYYY-MM-DD（如 2023-06-30）。",
        "'{value}' is not a date (YYYY-MM-DD, e.g. 2023-06-30).",
    ),
    "usage_year_or_date": (
        "「{value}」不是年份、月份或日期：写作 2019、2023年1月 或 2019年6月30日。",
        "'{value}' is not a year, month or date: write 2019, 2023-01 or 2019-06-30.",
    ),
    # Commands that write files
    "query_favorites": (
        "已将 {n} 条 Browser 收藏（.cql）写入 {folder}。",
        "Wrote {n} Browser favorites (.cql) into {folder}.",
    ),
    "export_written": (
        "{nodes} 个节点、{edges} 条关系 -> {files}",
        "{nodes} nodes, {edges} relationships -> {files}",
    ),
    "view_written": (
        "{nodes} 个节点、{edges} 条联系、{gaps} 个缺口 -> {out}",
        "{nodes} nodes, {edges} ties, {gaps} gaps -> {out}",
    ),
    # (end of _STATUS)
}
"""The status lines of commands that are not tables (the local Neo4j server, the guide
server) and the prefixes of error and warning lines, by code: (Chinese, English)."""


# --- Ledger problem lines (issue 13) -------------------------------------------------------
# A ledger ``Problem`` carries a code (kind ``problem``: its short term), a ``detail`` naming
# which message of that code it is, and the message's parameters: values, accepted choices,
# referenced names, suggested near matches, origins of other rows. ``problem_message`` renders
# them; ``problem_where`` renders the file, sheet, row and column.


def problem_message(code: str, detail: str, params: Mapping[str, Any], lang: str) -> str:
    """The message of a ledger problem of ``code`` (and ``detail``, ``""`` for the plain one)
    from its ``params``, in ``lang``.

    >>> params = {"labels": ["Community", "PartyOrg"], "value": "清水和社区", "near": ["清水河社区"]}
    >>> problem_message("dangling_ref", "near", params, "zh")
    '找不到编号或名称为「清水和社区」的社区/党组织；您要找的是不是「清水河社区」？'
    >>> problem_message("dangling_ref", "near", params, "en")
    "no community / party organization has the id or name '清水和社区'; did you mean '清水河社区'?"
    """
    key = f"{code}.{detail}" if detail else code
    values = {k: _problem_param(k, v, lang) for k, v in params.items()}
    return _PROBLEM_MESSAGES[lang][key].format(**values)


def problem_reason(code: str, detail: str, params: Mapping[str, Any], lang: str) -> str:
    """The problem's term (kind ``problem``) and its message, in ``lang``.

    >>> problem_reason("bad_date", "", {}, "zh"), problem_reason("bad_date", "", {}, "en")
    ('【日期格式错误】不是日期，请写成 2023-05-01、2023/5/1 或 2023年5月1日', 'not a date: not a date; write 2023-05-01, 2023/5/1 or 2023年5月1日')
    """
    term = name("problem", code, lang)
    message = problem_message(code, detail, params, lang)
    return f"【{term}】{message}" if lang == "zh" else f"{term}: {message}"


def problem_where(file: str, sheet: str, row: int, column: str, lang: str) -> str:
    """Where a problem is: ``file[:sheet]``, then the row (as the spreadsheet numbers it) and
    the column header, as far as the problem has them.

    >>> problem_where("台账.xlsx", "社区", 5, "类型", "zh")
    '台账.xlsx:社区 第5行「类型」列'
    >>> problem_where("communities.csv", "", 5, "kind", "en")
    'communities.csv row 5 column kind'
    """
    m = _PROBLEM_WORDS[lang]
    text = file + (f":{sheet}" if sheet else "")
    if row:
        text += m["row"].format(row=row)
    if column:
        text += m["column"].format(column=column)
    return text


def problem_value(value: str, lang: str) -> str:
    """A cell's value as a problem line shows it after the column (``「科研院所」``,
    `` '科研院所'``); nothing for an empty cell."""
    return _PROBLEM_WORDS[lang]["value"].format(value=value) if value else ""


def ledger_origin(origin: str, lang: str) -> str:
    """Where a ledger row was read (``communities.csv row 7``, a record's ``source``) as
    ``lang`` says it: ``communities.csv 第7行``. Other text is left as it is.

    >>> ledger_origin("台账.xlsx:社区 row 3", "zh"), ledger_origin("台账.xlsx:社区 row 3", "en")
    ('台账.xlsx:社区 第3行', '台账.xlsx:社区 row 3')
    """
    match = _ORIGIN.fullmatch(origin)
    if not match:
        return origin
    return match[1] + _PROBLEM_WORDS[lang]["row"].format(row=match[2])


def problem_words(lang: str) -> dict[str, str]:
    """The fixed words around ledger problems (the rejects file's columns and note)."""
    return _PROBLEM_WORDS[lang]


def problem_keys(lang: str) -> tuple[str, ...]:
    """Every ``code`` and ``code.detail`` with a message in ``lang`` (the completeness test)."""
    return tuple(_PROBLEM_MESSAGES[lang])


def _problem_param(key: str, value: Any, lang: str) -> Any:
    """One parameter as the messages show it: labels by their names, lists joined. The
    ledger's columns and tables come already named in ``lang`` (``ledger.problems``)."""
    m = _PROBLEM_WORDS[lang]
    if key in ("label", "other_label"):
        return label_name(value, lang)
    if key in ("labels", "other_labels"):
        return m["slash"].join(label_name(v, lang) for v in value)
    if key == "either":
        return m["or"].join(m["quote"].format(value=v) for v in value)
    if key == "near":
        return m["or"].join(m["quote"].format(value=v) for v in value)
    if key == "records":
        return m["semicolon"].join(_problem_record(record, lang) for record in value)
    if key == "origin":
        return ledger_origin(value, lang)
    if key == "origins":
        return m["semicolon"].join(ledger_origin(v, lang) for v in value)
    if key == "candidates":
        return m["semicolon"].join(value)
    if key == "headers":
        return m["slash"].join(value)
    if key == "type":
        return tie_name(value, lang)
    if isinstance(value, list):
        return m["list"].join(str(v) for v in value)
    if key in ("chars", "limit", "digits", "number", "max"):
        return f"{value:,}"
    return value


def _problem_record(record: list[Any], lang: str) -> str:
    """One record a name may mean: ``[id, label, origin, rejected]`` (origin ``store``: in the
    store)."""
    record_id, label, origin, rejected = record
    m = _PROBLEM_WORDS[lang]
    where = m["in_store"] if origin == "store" else ledger_origin(origin, lang)
    if rejected:
        where += m["rejected"]
    return m["record"].format(id=record_id, label=label_name(label, lang), where=where)


_ORIGIN = re.compile(r"(.+) row (\d+)")

_PROBLEM_WORDS = {
    "zh": {
        "row": " 第{row}行",
        "column": "「{column}」列",
        "quote": "「{value}」",
        "value": "「{value}」",
        "or": "或",
        "slash": "/",
        "list": "、",
        "semicolon": "；",
        "record": "{id}（{label}，{where}）",
        "in_store": "库中已有",
        "rejected": "，已被拒",
        "line": "{where}{value}：{reason}",
        "cell": "「{column}」列{value}：{reason}",
        "origin_header": "原位置",
        "problem_header": "问题",
        "no_rejects": "没有被拒绝的行",
        "notes_sheet": "说明",
    },
    "en": {
        "row": " row {row}",
        "column": " column {column}",
        "quote": "'{value}'",
        "value": " '{value}'",
        "or": " or ",
        "slash": " / ",
        "list": ", ",
        "semicolon": "; ",
        "record": "{id} ({label}, {where})",
        "in_store": "in the store",
        "rejected": ", rejected",
        "line": "{where}{value}: {reason}",
        "cell": "{column}{value}: {reason}",
        "origin_header": "origin",
        "problem_header": "problem",
        "no_rejects": "no rejected rows",
        "notes_sheet": "notes",
    },
}

_PROBLEM_MESSAGES = {
    "zh": {
        "bad_text.too_long": "共{chars}个字符，超过一个单元格最多能容纳的{limit}个",
        "bad_text.control": "第{at}个字符是控制字符 {char}，请删除",
        "missing_required": "「{column}」为必填项，不能为空",
        "missing_required.no_column": "「{column}」为必填项；工作表中没有这一列（表头可写作：{headers}）",
        "missing_required.either": "{either}至少填写一项：任一项都能确定这一行",
        "bad_choice": "「{value}」不在其中，可选值为：{choices}",
        "bad_int": "应为整数，如 1234 或 1,234",
        "bad_int.fraction": "应为整数",
        "bad_int.yes_no": "应为整数，而不是是/否",
        "bad_int.commas": "应为一个整数；逗号只能用于每三位分隔（1,234），不能分隔几个数",
        "bad_int.negative": "应为 0 或更大的数，不能为负数",
        "out_of_range": "{number}超过了计数的上限（{max}）",
        "out_of_range.digits": "共{digits}位数字，超过了计数的上限（{max}）",
        "bad_bool": "应为是或否：是/否、true/false、1/0、y/n",
        "bad_date": "不是日期，请写成 2023-05-01、2023/5/1 或 2023年5月1日",
        "bad_date.serial": "这个数字不是 Excel 日期",
        "bad_date.unreal": "{year}年{month}月{day}日不是真实存在的日期，请写成 2023-05-01",
        "date_order": "{end}（{last}）早于{start}（{first}）",
        "duplicate_id": "「{id}」已是{origin}的编号",
        "duplicate_id.derived": (
            "「{id}」已是{origin}的编号（未填编号的行以“类型:名称”为编号）；"
            "请在「{header}」列给这些行填写编号"
        ),
        "duplicate_id.store": "「{id}」已是库中一个{label}的编号",
        "duplicate_id.created": (
            "「{owner}」没有党组织，而要为它新建的编号「{id}」已被一个{label}占用；"
            "请在党组织表中登记它的党组织"
        ),
        "duplicate_relationship": "与{origin}是同一项{type}",
        "duplicate_relationship.pairing": (
            "与{origin}是同一项{type}；请给两项结对不同的编号或开始日期"
        ),
        "dangling_ref": "找不到编号或名称为「{value}」的{labels}",
        "dangling_ref.near": "找不到编号或名称为「{value}」的{labels}；您要找的是不是{near}？",
        "dangling_ref.other": "找不到编号或名称为「{value}」的{labels}；它是{other_labels}，本列不接受",
        "ambiguous_name": "有{n}条{labels}记录名为「{value}」，请改用编号：{records}",
        "rejected_ref": "「{value}」所在的行已被拒（{origins}）；改好那一行后两行一起重新载入",
        "rejected_ref.party_org": (
            "「{owner}」的党组织所在的行已被拒（{origin}）；改好那一行后两行一起重新载入"
        ),
        "ambiguous_party_org": (
            "「{owner}」有{n}个党组织，且没有一个领导其他的；请用编号指明其中一个：{candidates}"
        ),
        "party_org_mismatch": "「{org}」不是「{unit}」的党组织；请填该单位自己的党组织，或只填其中一项",
        "self_ref": "「{value}」就是这一行本身",
        "self_ref.party_org": "单位和社区是同一个党组织「{org}」",
        "unknown_table.sheet": "工作表「{name}」不是任何一张表，已跳过；表有：{tables}",
        "unknown_table.file": "文件名「{name}」不是任何一张表，已跳过；表有：{tables}",
        "unknown_column": "未知列，其内容不载入；本表的列有：{headers}",
        "unknown_column.unlabeled": "没有表头的列中有{n}个单元格，已忽略",
        "duplicate_column": "第二个「{column}」列，已忽略；第一个是「{first}」",
        "personal_column": "这一列能识别个人，不予保存：只记录组织和数量，不记录具体的人",
    },
    "en": {
        "bad_text.too_long": "{chars} characters, over the {limit} a cell may hold",
        "bad_text.control": "control character {char} at character {at}; delete it",
        "missing_required": "'{column}' is required",
        "missing_required.no_column": "'{column}' is required; the sheet has no column {headers}",
        "missing_required.either": "{either} is required ({headers}): either identifies the row",
        "bad_choice": "'{value}' is not one of {choices}",
        "bad_int": "expected a whole number, e.g. 1234 or 1,234",
        "bad_int.fraction": "expected a whole number",
        "bad_int.yes_no": "expected a whole number, not a yes/no value",
        "bad_int.commas": (
            "expected one whole number; commas only between groups of three digits (1,234), "
            "not between several numbers"
        ),
        "bad_int.negative": "expected a count of 0 or more",
        "out_of_range": "{number} is over the most a count can be ({max})",
        "out_of_range.digits": "{digits} digits, over the most a count can be ({max})",
        "bad_bool": "expected yes or no: 是/否, true/false, 1/0, y/n",
        "bad_date": "not a date; write 2023-05-01, 2023/5/1 or 2023年5月1日",
        "bad_date.serial": "a number that is not an Excel date",
        "bad_date.unreal": "{date} is not a real date; write 2023-05-01",
        "date_order": "{end} {last} is before {start} {first}",
        "duplicate_id": "'{id}' is already the id of {origin}",
        "duplicate_id.derived": (
            "'{id}' is already the id of {origin} (a row without an id gets <Label>:<name>); "
            "give these rows ids in the '{header}' column"
        ),
        "duplicate_id.store": "'{id}' is the id of a {label} in the store",
        "duplicate_id.created": (
            "'{owner}' has no party organization, and the id '{id}' that would be created for "
            "it is taken by a {label}; add its party organization to party_orgs"
        ),
        "duplicate_relationship": "the same {type} as {origin}",
        "duplicate_relationship.pairing": (
            "the same {type} as {origin}; give the pairings different ids or since dates"
        ),
        "dangling_ref": "no {labels} has the id or name '{value}'",
        "dangling_ref.near": "no {labels} has the id or name '{value}'; did you mean {near}?",
        "dangling_ref.other": (
            "no {labels} has the id or name '{value}'; it names a {other_labels}, which this "
            "column does not take"
        ),
        "ambiguous_name": "{n} records of {labels} are named '{value}'; use one of their ids: {records}",
        "rejected_ref": (
            "'{value}' is a rejected row ({origins}); fix that row and reload both, this one "
            "loads with it"
        ),
        "rejected_ref.party_org": (
            "the party organization of '{owner}' is a rejected row ({origin}); fix that row and "
            "reload both"
        ),
        "ambiguous_party_org": (
            "'{owner}' has {n} party organizations and none leads the others; name one of them "
            "by id: {candidates}"
        ),
        "party_org_mismatch": (
            "'{org}' is not a party organization of '{unit}'; name the unit's own, or only one "
            "of the two"
        ),
        "self_ref": "'{value}' is this row itself",
        "self_ref.party_org": "unit and community are the same party organization '{org}'",
        "unknown_table.sheet": "sheet '{name}' names no table, skipped; tables are {tables}",
        "unknown_table.file": "file name '{name}' names no table, skipped; tables are {tables}",
        "unknown_column": "unknown column, its cells are ignored; columns: {columns}",
        "unknown_column.unlabeled": "{n} cells in columns without a header are ignored",
        "duplicate_column": "a second '{column}' column, ignored; the first is '{first}'",
        "personal_column": (
            "this column identifies people and is not stored: the privacy rule is "
            "organizations and counts only, never named individuals"
        ),
    },
}


# --- The report's and the needs lists' words (issue 13) -------------------------------------
# Sentence templates of the report's summary and hub roles (``report.sentences`` fills them),
# the report's fixed words, and the words of the needs lists (the report's needs section and
# the ``needs`` and ``match`` commands).


def report_words(lang: str) -> dict[str, str]:
    """The report's own fixed words in ``lang`` (headings of the summary, the scope line...);
    the network figure's legend names its two marked kinds as the gap rules are named
    (``vocabulary.rule_name``)."""
    return {
        **_REPORT_WORDS[lang],
        "legend_unpaired": rule_name("unpaired_community", lang),
        "legend_alone": rule_name("working_alone", lang),
    }


def sentence_words(lang: str) -> dict[str, str]:
    """The templates of the report's sentences in ``lang`` (``report.sentences``)."""
    return _SENTENCES[lang]


def needs_words(lang: str) -> dict[str, str]:
    """The words of the needs lists in ``lang``: the report's needs section, and the tables of
    ``graphmodel needs`` and ``graphmodel match``."""
    return _NEEDS_WORDS[lang]


_SENTENCES = {
    "zh": {
        "cut_off": "{count}个社区只靠单一主体与外界相连，这样的主体有{extra}个，影响最大的是{ex0}{where}。",
        "unpaired_community": "{count}个社区没有有效的结对共建（占{share}）{where}。",
        "isolated_cluster": "{count}处片区未与街道党工委连通{where}。",
        "no_committee": "{count}个社区或街道没有党建协调委员会覆盖{where}。",
        "expired_pairing": "{count}对结对已到期或满期未续签，涉及{extra}个社区{where}。",
        "few_social_orgs": "{count}个社区的社区社会组织少于标准（占{share}）{where}。",
        "unreported": "{count}个社区没有在职党员双报到（占{share}）{where}。",
        "working_alone": "{count}家驻区单位既无结对也未加入协调委员会（各自作战）{where}。",
        "thin_committee": "{count}个协调委员会成员单位不足{where}。",
        "pair": "为{count}个未结对社区各安排一家结对单位（共{extra}家单位，如{ex0}—{ex1}）{where}。",
        "second_tie": "为{count}个只有一条对外联系的社区（如{ex0}）再结对一家单位{where}。",
        "committee": "在{count}个没有协调委员会的社区建立社区党建协调委员会{where}。",
        "cultivate": "培育{extra}个社区社会组织，使{count}个社区达到标准{where}。",
        "renew": "续签或复核{count}对到期结对{where}。",
        "join": "从本街道各自作战的单位中为{extra}个成员不足的协调委员会增补{count}家成员单位（如{ex0}吸收{ex1}）{where}。",
        "find_unit": "为{count}个现有单位名额无法覆盖的社区（如{ex0}）寻找新的结对单位{where}。",
        "where": "，最多的是{places}",
        "place": "{name}{district}（{count}{of}）",
        "of": "/{total}",
        "district": "（{name}）",
        "sep": "、",
        "hub": "联系{communities}个社区，跨{streets}个街道",
        "hub_partners": "联系{partners}个单位或组织",
        "hub_and": "；",
        "hub_sole": "；若退出，{names}{more}将失去唯一联系",
        "hub_more": "等{n}个社区",
        "hub_none": "暂无有效联系",
    },
    "en": {
        "cut_off": "{count} {count:?community hangs|communities hang} on a single actor; {extra} {extra:?actor is|actors are} such a point of failure, {ex0} the largest{where}.",
        "unpaired_community": "{count} {count:?community has|communities have} no pairing in force ({share}){where}.",
        "isolated_cluster": "{count} {count:?part of a street does|parts of streets do} not reach the street's working committee{where}.",
        "no_committee": "{count} {count:?community or street has|communities or streets have} no coordination committee{where}.",
        "expired_pairing": "{count} {count:?pairing has|pairings have} ended or {count:?is|are} due for review, in {extra} {extra:?community|communities}{where}.",
        "few_social_orgs": "{count} {count:?community has|communities have} fewer social organizations than the policy asks ({share}){where}.",
        "unreported": "{count} {count:?community receives|communities receive} no dual reporting ({share}){where}.",
        "working_alone": "{count} resident {count:?unit is|units are} neither paired nor in a committee (working alone){where}.",
        "thin_committee": "{count} coordination {count:?committee has|committees have} too few member units{where}.",
        "pair": "Pair each of {count} unpaired {count:?community|communities} with a unit ({extra} {extra:?unit|units}, e.g. {ex0} with {ex1}){where}.",
        "second_tie": "Give {count} {count:?community that hangs|communities that hang} on one actor (e.g. {ex0}) a second pairing{where}.",
        "committee": "Set up a community coordination committee in {count} {count:?community|communities} without one{where}.",
        "cultivate": "Cultivate {extra} community social {extra:?organization|organizations} so that {count} {count:?community reaches|communities reach} the minimum{where}.",
        "renew": "Renew or review {count} expired {count:?pairing|pairings}{where}.",
        "join": "Add {count} member {count:?unit|units} to {extra} thin coordination {extra:?committee|committees} from the units of their street working alone (e.g. {ex1} to {ex0}){where}.",
        "find_unit": "Find new partner units for {count} {count:?community|communities} the present units' capacity cannot cover (e.g. {ex0}){where}.",
        "where": "; most in {places}",
        "place": "{name}{district} ({count}{of})",
        "of": " of {total}",
        "district": " ({name})",
        "sep": ", ",
        "hub": "connects {communities} {communities:?community|communities} across {streets} {streets:?street|streets}",
        "hub_partners": "tied to {partners} {partners:?unit or organization|units or organizations}",
        "hub_and": "; ",
        "hub_sole": "; if it leaves, {names}{more} lose their only tie",
        "hub_more": " and {rest} more {rest:?community|communities}",
        "hub_none": "no tie in force",
    },
}

_REPORT_WORDS = {
    "zh": {
        "summary": "摘要",
        "problems": "主要问题",
        "actions": "建议行动",
        "not_recorded_heading": "未采集的数据",
        "not_recorded_line": "{district}：未采集{tables}，相关指标显示为“未采集”，不计为缺口。",
        "all_recorded": "范围内各区的各项台账均有记录。",
        "no_problems": "未发现缺口。",
        "no_actions": "暂无建议。",
        "toc": "目录",
        "not_recorded": "未采集",
        "scope_all": "全部台账",
        "scope_line": "范围：{area}（{streets}个街道、{communities}个社区）；数据截至{as_of}；台账：{tables}",
        "loaded": "（{when}载入）",
        "network": "网络图",
        "appendix": "附录",
        "appendix_note": "完整清单（全部缺口、枢纽的原始分值、单点故障、全部结对建议）见同目录下的 report.xlsx。",
        "more": "另有{n}条未列出，见附录 report.xlsx。",
        "role": "作用",
        "hubs_intro": "只在主体（驻区单位、协调委员会、社会组织、党组织）中排序，不排街道和社区；排序综合联系面、跨街道程度与“桥梁”作用。原始分值见附录。",
        "found": "发现",
        "unjudged": "未采集、未判断",
        "unjudged_cell": "{district}（{n}处）",
        "streets_most_gaps": "缺口最多的街道",
        "gap_rows": "{rule}（前{n}条）",
        "list_all": "全部",
        "figure_street": "{street}：{communities}个社区、{units}家单位、{social}个社会组织、{committees}个协调委员会",
        "figure_overview": "{area}各街道之间的联系（{streets}个街道）",
        "network_intro": "图中一条线是一项有效的联系：结对共建画在单位与社区之间（党组织并入其所属单位或社区）。红色空心圆为未结对社区，灰色空心点为各自作战的单位。",
        "network_overview_intro": "每个圆点是一个街道，大小为社区数，颜色为结对率（灰色为未采集）；连线为跨街道的联系（跨街道结对、共同的协调委员会、到其他街道委员会任成员），越粗越多。",
        "legend_none_paired": "无社区结对",
        "legend_all_paired": "社区全部结对",
        "legend_street_ties": "跨街道联系",
        "period_end": "截至",
        "trend_coverage": "社区覆盖率（%）",
        "trend_gaps": "缺口数量",
        "changes": "变化",
        "changes_intro": "与{day}相比：新增结对{started}对，终止{ended}对；缺口新增{opened}个，消除{closed}个。",
        "changes_rules": "各类缺口的变化",
        "changes_streets": "各街道结对率的变化（变化最大的在前）",
        "pairings_started": "新增的结对",
        "pairings_ended": "终止的结对",
        "hubs_moved": "排名变化的枢纽",
        "paired_then": "结对率（{day}）",
        "paired_now": "结对率（现在）",
        "gaps_then": "缺口（{day}）",
        "gaps_now": "缺口（现在）",
        "opened": "新增",
        "closed": "消除",
        "since": "开始",
        "until": "结束",
        "rank_then": "排名（{day}）",
        "rank_now": "排名（现在）",
        "largest_street": "结对率变化最大的是{street}：由{then}变为{now}。",
        "most_closed": "消除最多的缺口是{rule}（{n}个）。",
        "most_opened": "新增最多的缺口是{rule}（{n}个）。",
        "hub_rose": "枢纽排名上升最多的是{name}（{then}→{now}）。",
        "rank_no": "第{n}名",
        "unranked": "未上榜",
        "hub_fell": "枢纽排名下降最多的是{name}（{then}→{now}）。",
    },
    "en": {
        "summary": "Summary",
        "problems": "Main problems",
        "actions": "Recommended actions",
        "not_recorded_heading": "Data not recorded",
        "not_recorded_line": "{district}: no {tables} recorded; the figures that need them show “not recorded” and count as no gap.",
        "all_recorded": "Every district in scope recorded every ledger.",
        "no_problems": "No gap found.",
        "no_actions": "Nothing to propose.",
        "toc": "Contents",
        "not_recorded": "not recorded",
        "scope_all": "all ledgers",
        "scope_line": "Scope: {area} ({streets} {streets:?street|streets}, {communities} {communities:?community|communities}); as of {as_of}; ledgers: {tables}",
        "loaded": " (loaded {when})",
        "network": "The network",
        "appendix": "Appendix",
        "appendix_note": "The full lists (every gap, the hubs' raw scores, points of failure, every proposal) are in report.xlsx beside this report.",
        "more": "{n} more not listed; see the appendix report.xlsx.",
        "role": "Role",
        "hubs_intro": "Ranked among actors only (resident units, coordination committees, social organizations, party organizations), not streets or communities, by how many they tie together, across how many streets, and how much they bridge. Raw scores are in the appendix.",
        "found": "Found",
        "unjudged": "Not recorded, not judged",
        "unjudged_cell": "{district} ({n})",
        "streets_most_gaps": "Streets with the most gaps",
        "gap_rows": "{rule} (first {n})",
        "list_all": "all",
        "figure_street": "{street}: {communities} {communities:?community|communities}, {units} {units:?unit|units}, {social} social {social:?organization|organizations}, {committees} {committees:?committee|committees}",
        "figure_overview": "Ties between the streets of {area} ({streets} {streets:?street|streets})",
        "network_intro": "Each line is a tie in force: a pairing is drawn between the unit and the community (party organizations folded into their owners). Hollow red rings are unpaired communities, hollow grey dots units working alone.",
        "network_overview_intro": "Each dot is a street, sized by its communities and coloured by the share paired (grey: not recorded); each line joins two streets tied by pairings across them, a shared committee or membership of the other's committee, thicker for more.",
        "legend_none_paired": "no community paired",
        "legend_all_paired": "all paired",
        "legend_street_ties": "ties between streets",
        "period_end": "As of",
        "trend_coverage": "Community coverage (%)",
        "trend_gaps": "Gaps",
        "changes": "Changes",
        "changes_intro": "Since {day}: {started} {started:?pairing|pairings} started, {ended} ended; {opened} {opened:?gap|gaps} opened, {closed} closed.",
        "changes_rules": "Gaps by rule, then and now",
        "changes_streets": "Pairing rate by street, then and now (largest change first)",
        "pairings_started": "Pairings started",
        "pairings_ended": "Pairings ended",
        "hubs_moved": "Hubs that rose or fell",
        "paired_then": "Paired % ({day})",
        "paired_now": "Paired % (now)",
        "gaps_then": "Gaps ({day})",
        "gaps_now": "Gaps (now)",
        "opened": "Opened",
        "closed": "Closed",
        "since": "Since",
        "until": "Until",
        "rank_then": "Rank ({day})",
        "rank_now": "Rank (now)",
        "largest_street": "The largest change in pairing rate: {street}, from {then} to {now}.",
        "most_closed": "Most gaps closed: {rule} ({n}).",
        "most_opened": "Most gaps opened: {rule} ({n}).",
        "hub_rose": "Rose most among hubs: {name} (from {then} to {now}).",
        "rank_no": "no. {n}",
        "unranked": "unranked",
        "hub_fell": "Fell most among hubs: {name} (from {then} to {now}).",
    },
}

_NEEDS_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "heading": "需求、资源与项目（三张清单）",
        "none": "台账中没有需求记录（需求清单），本节无内容。",
        "summary": "提出需求{raised}项，已认领{claimed}项，已办结{resolved}项，办结率{rate}；"
        "未办结{open}项，其中超时{overdue}项。",
        "streets": "各街道需求办理（提出 → 认领 → 办结）",
        "categories": "未办结需求的类别",
        "dormant": "挂名结对：结对在册、考核期内双方之间无项目或办结需求（{n}对）",
        "proposals": "资源对接建议（前{n}项，共{total}项；{unmet}项需求无资源可对接）",
        "street": "街道",
        "raised": "提出",
        "claimed": "认领",
        "resolved": "办结",
        "rate": "办结率",
        "open": "未办结",
        "overdue": "超时",
        "category": "类别",
        "oldest": "最久（天）",
        "community": "社区",
        "unit": "结对单位",
        "since": "结对时间",
        "need": "需求",
        "resource": "资源",
        "provider": "提供方",
        "path": "依据路径",
        "cli_summary": (
            "需求（{as_of}）：提出 {raised}，认领 {claimed}，办结 {resolved}，不予受理 {declined}，"
            "未办结 {open}（超时 {overdue}），办结率 {rate}"
        ),
        "by_district": "按区",
        "by_street": "按街道",
        "open_by_category": "未办结需求（按街道、类别）",
        "overdue_title": "超时需求（{n}）",
        "resolvers": "谁在办结需求",
        "match_title": "资源对接建议（{as_of}，{n}/{needs}项未满足需求，总代价 {cost}）",
        "unmet_title": "无法满足的需求（{n}）",
        "name": "名称",
        "declined": "不予受理",
        "status": "状态",
        "raised_on": "提出时间",
        "days": "天数",
        "deadline": "时限",
        "raiser": "提出方",
        "claimer": "认领方",
        "kind": "类型",
        "resolved_categories": "办结类别",
        "uncategorized": "未分类",
        "tier": "关系",
        "waited": "已等待（天）",
        "reason": "原因",
        "candidates": "候选资源数",
        "need_id": "需求编号",
        "district": "区",
        "resource_id": "建议资源编号",
        "proposed": "建议资源",
        "resource_kind": "资源类型",
        "capacity_left": "资源剩余名额",
        "outcome": "对接结果（填写）",
        "match_sheet": "对接建议",
        "unmet_sheet": "无法满足的需求",
        "list_sep": "、",
    },
    "en": {
        "heading": "Needs, resources and projects (the three lists)",
        "none": "The ledger records no needs: nothing to show here.",
        "summary": "{raised} needs raised, {claimed} claimed, {resolved} resolved (rate {rate}); "
        "{open} open, {overdue} of them overdue.",
        "streets": "Needs per street (raised → claimed → resolved)",
        "categories": "Categories of the open needs",
        "dormant": "Pairings on paper only: no project or resolved need between the sides "
        "in the period ({n})",
        "proposals": "Resource proposals (top {n} of {total}; {unmet} needs no resource can meet)",
        "street": "street",
        "raised": "raised",
        "claimed": "claimed",
        "resolved": "resolved",
        "rate": "rate",
        "open": "open",
        "overdue": "overdue",
        "category": "category",
        "oldest": "oldest (days)",
        "community": "community",
        "unit": "paired unit",
        "since": "since",
        "need": "need",
        "resource": "resource",
        "provider": "provider",
        "path": "path",
        "cli_summary": (
            "Needs ({as_of}): {raised} raised, {claimed} claimed, {resolved} resolved, "
            "{declined} declined, {open} open ({overdue} overdue), resolution rate {rate}"
        ),
        "by_district": "By district",
        "by_street": "By street",
        "open_by_category": "Open needs by street and category",
        "overdue_title": "Overdue needs ({n})",
        "resolvers": "Who resolves what",
        "match_title": ("Resource proposals ({as_of}, {n}/{needs} open needs, total cost {cost})"),
        "unmet_title": "Needs no resource can meet ({n})",
        "name": "name",
        "declined": "declined",
        "status": "status",
        "raised_on": "raised on",
        "days": "days",
        "deadline": "limit (days)",
        "raiser": "raised by",
        "claimer": "claimed by",
        "kind": "kind",
        "resolved_categories": "resolved by category",
        "uncategorized": "uncategorized",
        "tier": "tie",
        "waited": "waited (days)",
        "reason": "reason",
        "candidates": "candidate resources",
        "need_id": "need id",
        "district": "district",
        "resource_id": "proposed resource id",
        "proposed": "proposed resource",
        "resource_kind": "resource kind",
        "capacity_left": "capacity left",
        "outcome": "outcome (to fill in)",
        "match_sheet": "Proposals",
        "unmet_sheet": "Unmet needs",
        "list_sep": ", ",
    },
}


# --- Words of the command line's own output (issue 13) --------------------------------------
# Added to ``words`` at import, kept apart to keep edits small.

_CLI_WORDS = {
    "zh": {"writing": "写入"},
    "en": {"writing": "Writing"},
}

for _lang in LANGS:
    _WORDS[_lang].update(_CLI_WORDS[_lang])


# --- The ledger template's words (issue 13) ---------------------------------------------------
# ``ledger.template`` writes the instructions sheet, the header comments and the drop-down
# lists' messages in these words.


def template_words(lang: str) -> dict[str, str]:
    """The words of the blank ledger template in ``lang`` (``graphmodel template``)."""
    return _TEMPLATE_WORDS[lang]


_TEMPLATE_WORDS = {
    "zh": {
        "instructions": (
            "graphmodel 台账模板\n"
            "\n"
            "每个工作表是一张表，第 1 行是列名。列名也可以写英文（见 docs/ledger-format.md）。\n"
            "列名批注中标“必填”的列必须填写；带下拉箭头的列只能从列表中选。\n"
            "引用列（所属区、所属街道、单位、社区……）填写对象的编号或名称；名称重名时须填编号。多个引用用 ； ; 、 , ， 分隔。\n"
            "日期可写 2023-05-01、2023/5/1 或 2023年5月1日；2023-05 表示 2023-05-01。\n"
            "编号可留空：自动生成为 <类型>:<名称>。每张表都可以有“序号”列，载入时忽略。\n"
            "结对共建：单位和社区填单位、社区本身即可，系统使用（或创建）其党组织。\n"
            "下面每张表给出一行示例，复制到对应工作表即可载入。\n"
            "载入：graphmodel load 台账.xlsx（先加 --dry-run 只检查不写入）"
        ),
        "instructions_sheet": "说明",
        "example_title": "{sheet}（{table}）",
        "not_in_list": "取值不在列表中",
        "choose_one": "请从下拉列表中选择：{choices}",
        "required": "必填",
        "optional": "选填",
        "column_name": "英文列名：{name}",
        "also": "也可写作：{names}",
        "refers": "填写编号或名称：{kinds}",
        "several": "，可填多个",
        "slash": "/",
        "values": "取值：{choices}",
        "type": "类型：{type}",
    },
    "en": {
        "instructions": (
            "graphmodel ledger template\n"
            "\n"
            "Each sheet is one table; row 1 holds the column names (Chinese names are accepted too).\n"
            "Columns whose comment says required must be filled; drop-down columns take the values listed.\n"
            "Reference columns take the id or the unique name of a record; several are separated by ; ； 、 , ，\n"
            "Dates: 2023-05-01, 2023/5/1, 2023年5月1日; 2023-05 means 2023-05-01.\n"
            "A node row without an id gets <Label>:<name>. A 序号 (row number) column is ignored in every table.\n"
            "Pairings: name the unit and the community; their party organizations are used (or created).\n"
            "Each table below has one example row: copy it into its sheet and it loads.\n"
            "Load: graphmodel load ledger.xlsx (--dry-run first checks without writing)"
        ),
        "instructions_sheet": "instructions",
        "example_title": "{table}",
        "not_in_list": "Not in the list",
        "choose_one": "Choose one of: {choices}",
        "required": "required",
        "optional": "optional",
        "column_name": "{name}",
        "also": "Chinese: {names}",
        "refers": "id or name of: {kinds}",
        "several": " (several allowed)",
        "slash": " / ",
        "values": "values: {choices}",
        "type": "type: {type}",
    },
}


def view_words(lang: str) -> dict[str, Any]:
    """The words of the ``graphmodel view`` page in ``lang``: its fixed texts (``{name}``
    placeholders are filled by the page script), and the names of the node kinds and ties it
    draws (``label_name``, ``tie_name``)."""
    from graphmodel.schema import LABELS, REL_TYPES

    return {
        **_VIEW_WORDS[lang],
        "kinds": {label: label_name(label, lang) for label in LABELS},
        "ties": {tie: tie_name(tie, lang) for tie in REL_TYPES},
    }


_VIEW_WORDS = {
    "zh": {
        "html_lang": "zh-CN",
        "title": "协同治理网络 {scope}",
        "all": "全部",
        "search": "查找",
        "search_placeholder": "输入名称，如 站东社区",
        "kinds_heading": "类型",
        "ties_heading": "关系",
        "marks": "标注",
        "gaps_mark": "有缺口（红色）",
        "hint": "拖动平移，滚轮缩放，点击节点查看详情。",
        "click_hint": "点击图中的节点，或在左侧查找。",
        "meta": "截至 {as_of} · {nodes} 个节点 · {edges} 条关系 · {gaps} 处缺口 · 党组织已归并到所属单位/社区",
        "not_found": "没有找到",
        "outside": "范围外的结对方",
        "party_orgs": "党组织：{names}",
        "hub_heading": "枢纽作用",
        "hub_rank": "本范围协调枢纽第 {rank} 名：直接联系 {degree} 个组织",
        "hub_streets": "，联通另外 {streets} 个街道",
        "hub_cut": "若它退出，{n} 个社区将失去唯一的外部联系：{names}",
        "gaps_heading": "缺口",
        "none": "无",
        "pairings_heading": "结对共建（{n}）",
        "partner": "结对方",
        "pairing_kind": "类型",
        "period": "起止",
        "ended": "（已到期）",
        "tie_heading": "{tie}（{n}）",
        "sep": "、",
        "more": "等",
    },
    "en": {
        "html_lang": "en",
        "title": "Co-governance network {scope}",
        "all": "(all)",
        "search": "Find",
        "search_placeholder": "Type a name, e.g. 站东社区",
        "kinds_heading": "Kinds",
        "ties_heading": "Ties",
        "marks": "Marks",
        "gaps_mark": "With a gap (red)",
        "hint": "Drag to pan, scroll to zoom, click a node for its details.",
        "click_hint": "Click a node in the picture, or find one on the left.",
        "meta": "On {as_of} · {nodes} nodes · {edges} ties · {gaps} gaps · party organizations folded into the unit or community they belong to",
        "not_found": "Nothing found",
        "outside": "partner outside the area",
        "party_orgs": "Party organizations: {names}",
        "hub_heading": "As a hub",
        "hub_rank": "Hub number {rank} in this area: tied directly to {degree} organizations",
        "hub_streets": ", linking {streets} other streets",
        "hub_cut": "If it leaves, {n} communities lose their only outside tie: {names}",
        "gaps_heading": "Gaps",
        "none": "none",
        "pairings_heading": "Pairings ({n})",
        "partner": "Partner",
        "pairing_kind": "Kind",
        "period": "From — to",
        "ended": " (ended)",
        "tie_heading": "{tie} ({n})",
        "sep": ", ",
        "more": " …",
    },
}


for _table in (_SENTENCES, _REPORT_WORDS):
    _counted(_table)
