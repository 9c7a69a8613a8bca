"""The report's sentences: the summary's findings, a hub's role, the scope line and what was
not recorded, in Chinese and English.

The analyses return codes and numbers (``analysis.summary.Finding``, ``analysis.roles.HubRole``,
``analysis.completeness.Completeness``); this module is where they become words. Names stay
as the ledgers write them.
"""

from __future__ import annotations

from collections.abc import Sequence

from graphmodel.analysis.roles import HubRole
from graphmodel.analysis.summary import Finding, Place
from graphmodel.ledger.tables import TABLES

__all__ = ["finding_sentence", "hub_sentence", "join_names", "report_words", "table_title"]

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
        "cut_off": "{count} communities hang on a single actor; {extra} actors are such a point of failure, {ex0} the largest{where}.",
        "unpaired_community": "{count} communities have no pairing in force ({share}){where}.",
        "isolated_cluster": "{count} parts of streets do not reach the street's working committee{where}.",
        "no_committee": "{count} communities or streets have no coordination committee{where}.",
        "expired_pairing": "{count} pairings have ended or are due for review, in {extra} communities{where}.",
        "few_social_orgs": "{count} communities have fewer social organizations than the policy asks ({share}){where}.",
        "unreported": "{count} communities receive no dual reporting ({share}){where}.",
        "working_alone": "{count} resident units are neither paired nor in a committee (working alone){where}.",
        "thin_committee": "{count} coordination committees have too few member units{where}.",
        "pair": "Pair each of {count} unpaired communities with a unit ({extra} units, e.g. {ex0} with {ex1}){where}.",
        "second_tie": "Give {count} communities that hang on one actor (e.g. {ex0}) a second pairing{where}.",
        "committee": "Set up a community coordination committee in {count} communities without one{where}.",
        "cultivate": "Cultivate {extra} community social organizations so that {count} communities reach the minimum{where}.",
        "renew": "Renew or review {count} expired pairings{where}.",
        "join": "Add {count} member units to {extra} thin coordination committees from the units of their street working alone (e.g. {ex1} to {ex0}){where}.",
        "find_unit": "Find new partner units for {count} communities the present units' capacity cannot cover (e.g. {ex0}){where}.",
        "where": "; most in {places}",
        "place": "{name}{district} ({count}{of})",
        "of": " of {total}",
        "district": " ({name})",
        "sep": ", ",
        "hub": "connects {communities} communities across {streets} streets",
        "hub_partners": "tied to {partners} units or organizations",
        "hub_and": "; ",
        "hub_sole": "; if it leaves, {names}{more} lose their only tie",
        "hub_more": " and {rest} more communities",
        "hub_none": "no tie in force",
    },
}


def finding_sentence(finding: Finding, lang: str, with_district: bool = False) -> str:
    """One sentence for a problem or action of the summary, with its number and where.

    >>> f = Finding("unpaired_community", 3, 12, 3, (Place("s", "建国门街道", "东城区", 2, 5),))
    >>> finding_sentence(f, "zh")
    '3个社区没有有效的结对共建（占25%），最多的是建国门街道（2/5）。'
    >>> finding_sentence(f, "en", with_district=True)
    '3 communities have no pairing in force (25%); most in 建国门街道 (东城区) (2 of 5).'
    """
    s = _SENTENCES[lang]
    examples = [*finding.examples, "", ""]
    where = ""
    if finding.places:
        where = s["where"].format(
            places=s["sep"].join(_place(p, lang, with_district) for p in finding.places)
        )
    share = f"{100 * finding.count / finding.total:.0f}%" if finding.total else "-"
    return s[finding.code].format(
        count=finding.count,
        extra=finding.extra,
        share=share,
        ex0=examples[0],
        ex1=examples[1],
        where=where,
    )


def hub_sentence(role: HubRole, lang: str, names: int = 3) -> str:
    """What a hub does, in words: "联系 N 个社区，跨 M 个街道；若退出，A、B 等 k 个社区将失去唯一联系".

    >>> hub_sentence(HubRole("u", 1, ("a", "b"), ("万寿路街道",), ("翠微社区",)), "zh")
    '联系1个单位或组织；联系2个社区，跨1个街道；若退出，翠微社区将失去唯一联系'
    """
    s = _SENTENCES[lang]
    parts = [s["hub_partners"].format(partners=role.partners)] if role.partners else []
    if role.communities:
        parts.append(s["hub"].format(communities=len(role.communities), streets=len(role.streets)))
    text = s["hub_and"].join(parts) or s["hub_none"]
    if role.sole_tie_for:
        shown = role.sole_tie_for[:names]
        more = len(role.sole_tie_for) - len(shown)
        text += s["hub_sole"].format(
            names=s["sep"].join(shown),
            more=s["hub_more"].format(n=len(role.sole_tie_for), rest=more) if more else "",
        )
    return text


def table_title(name: str, lang: str) -> str:
    """A ledger table's name for a reader: its first Chinese alias (``social_orgs`` ->
    社会组织), or the table name in English.

    >>> table_title("reports", "zh"), table_title("reports", "en")
    ('双报到', 'reports')
    """
    if lang != "zh":
        return name.replace("_", " ")
    return next((t.aliases[0] for t in TABLES if t.name == name), name)


def join_names(names: Sequence[str], lang: str) -> str:
    """Names joined the way the language lists them."""
    return _SENTENCES[lang]["sep"].join(names)


def _place(place: Place, lang: str, with_district: bool) -> str:
    s = _SENTENCES[lang]
    return s["place"].format(
        name=place.name,
        district=s["district"].format(name=place.district_name)
        if with_district and place.district_name
        else "",
        count=place.count,
        of=s["of"].format(total=place.total) if place.total else "",
    )


_WORDS = {
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
        "hub_rose": "枢纽排名上升最多的是{name}（第{then}名→第{now}名）。",
        "hub_fell": "枢纽排名下降最多的是{name}（第{then}名→第{now}名）。",
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
        "scope_line": "Scope: {area} ({streets} streets, {communities} communities); as of {as_of}; ledgers: {tables}",
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
        "figure_street": "{street}: {communities} communities, {units} units, {social} social organizations, {committees} committees",
        "figure_overview": "Ties between the streets of {area} ({streets} streets)",
        "network_intro": "Each line is a tie in force: a pairing is drawn between the unit and the community (party organizations folded into their owners). Hollow red rings are unpaired communities, hollow grey dots units working alone.",
        "network_overview_intro": "Each dot is a street, sized by its communities and coloured by the share paired (grey: not recorded); each line joins two streets tied by pairings across them, a shared committee or membership of the other's committee, thicker for more.",
        "legend_none_paired": "no community paired",
        "legend_all_paired": "all paired",
        "legend_street_ties": "ties between streets",
        "period_end": "As of",
        "trend_coverage": "Community coverage (%)",
        "trend_gaps": "Gaps",
        "changes": "Changes",
        "changes_intro": "Since {day}: {started} pairings started, {ended} ended; {opened} gaps opened, {closed} closed.",
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
        "hub_fell": "Fell most among hubs: {name} (from {then} to {now}).",
    },
}


def report_words(lang: str) -> dict[str, str]:
    """The report's own fixed words in ``lang`` (headings of the summary, the scope line...);
    the network figure's legend names its two marked kinds as the gap rules are named
    (``vocabulary.rule_name``)."""
    from graphmodel.vocabulary import rule_name

    return {
        **_WORDS[lang],
        "legend_unpaired": rule_name("unpaired_community", lang),
        "legend_alone": rule_name("working_alone", lang),
    }
