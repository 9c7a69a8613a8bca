"""The words of the report and of the human CLI output, in Chinese and English.

Only headings and fixed words are translated; names from the ledgers (streets, communities,
units) stay as the ledgers write them, and so do the gap rules' messages, which are Chinese.
"""

from __future__ import annotations

__all__ = [
    "LANGS",
    "label_name",
    "place_name",
    "rule_name",
    "tie_name",
    "uncoverable_reason",
    "words",
]

LANGS = ("zh", "en")

_LABELS = {
    "zh": {
        "District": "区",
        "Street": "街道",
        "Community": "社区",
        "PartyOrg": "党组织",
        "MemberUnit": "驻区单位",
        "SocialOrg": "社会组织",
        "Committee": "协调委员会",
        "Grid": "网格",
    },
    "en": {
        "District": "district",
        "Street": "street",
        "Community": "community",
        "PartyOrg": "party organization",
        "MemberUnit": "resident unit",
        "SocialOrg": "social organization",
        "Committee": "coordination committee",
        "Grid": "grid",
    },
}

_TIES = {
    "zh": {
        "PAIRED_WITH": "结对共建",
        "MEMBER_OF": "委员会成员",
        "CONVENED_BY": "召集",
        "COVERS": "覆盖",
        "SERVES": "服务",
        "REPORTS_TO": "双报到",
        "LEADS": "领导",
        "BELONGS_TO": "隶属",
        "pairing": "结对",
        "membership": "委员会",
        "service": "服务",
        "reporting": "双报到",
        "party": "党组织",
    },
    "en": {
        "PAIRED_WITH": "pairing",
        "MEMBER_OF": "member",
        "CONVENED_BY": "convener",
        "COVERS": "covers",
        "SERVES": "serves",
        "REPORTS_TO": "reports",
        "LEADS": "leads",
        "BELONGS_TO": "belongs to",
        "pairing": "pairing",
        "membership": "membership",
        "service": "service",
        "reporting": "reporting",
        "party": "party",
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
        "articulation": "割点",
        "orgs": "党组织",
        "point": "割点或桥",
        "articulation_point": "割点",
        "bridge": "桥",
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
        "street": "Street",
        "district": "District",
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
        "articulation": "Articulation",
        "orgs": "Party orgs",
        "point": "Point",
        "articulation_point": "articulation point",
        "bridge": "bridge",
        "ties": "Ties",
        "cut_off": "Communities cut off",
        "count": "Count",
        "community": "Community",
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
    },
}


def words(lang: str) -> dict[str, str]:
    """The fixed words of ``lang`` (``zh`` or ``en``)."""
    return _WORDS[lang]


def label_name(label: str, lang: str) -> str:
    """A node label in ``lang`` (the label itself if unknown)."""
    return _LABELS[lang].get(label, label)


def tie_name(tie: str, lang: str) -> str:
    """A relationship type or a reach path kind in ``lang``."""
    return _TIES[lang].get(tie, tie)


def rule_name(rule: str, lang: str) -> str:
    """A gap rule in ``lang``."""
    return _RULES[lang].get(rule, rule)


def place_name(place: str, lang: str) -> str:
    """Where a proposed unit sits relative to the community, in ``lang``."""
    return _PLACES[lang].get(place, place)


def uncoverable_reason(reason: str, lang: str) -> str:
    """Why a community cannot be covered (``recommend.Uncoverable.reason``), in ``lang``."""
    return _UNCOVERABLE[lang].get(reason, reason)
