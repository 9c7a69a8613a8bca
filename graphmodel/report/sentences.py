"""The report's sentences: the summary's findings, a hub's role, the scope line and what was
not recorded, in Chinese and English.

The analyses return codes and numbers (``analysis.summary.Finding``, ``analysis.roles.HubRole``,
``analysis.completeness.Completeness``); this module puts them into the sentence templates of
the vocabulary (``vocabulary.sentence_words``). Names stay as the ledgers write them.
"""

from __future__ import annotations

from collections.abc import Sequence

from graphmodel.analysis.roles import HubRole
from graphmodel.analysis.summary import Finding, Place
from graphmodel.ledger.tables import TABLES
from graphmodel.vocabulary import sentence_words

__all__ = ["finding_sentence", "hub_sentence", "join_names", "table_title"]


def finding_sentence(finding: Finding, lang: str, with_district: bool = False) -> str:
    """One sentence for a problem or action of the summary, with its number and where.

    >>> f = Finding("unpaired_community", 3, 12, 3, (Place("s", "建国门街道", "东城区", 2, 5),))
    >>> finding_sentence(f, "zh")
    '3个社区没有有效的结对共建（占25%），最多的是建国门街道（2/5）。'
    >>> finding_sentence(f, "en", with_district=True)
    '3 communities have no pairing in force (25%); most in 建国门街道 (东城区) (2 of 5).'
    """
    s = sentence_words(lang)
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
    s = sentence_words(lang)
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
    return sentence_words(lang)["sep"].join(names)


def _place(place: Place, lang: str, with_district: bool) -> str:
    s = sentence_words(lang)
    return s["place"].format(
        name=place.name,
        district=s["district"].format(name=place.district_name)
        if with_district and place.district_name
        else "",
        count=place.count,
        of=s["of"].format(total=place.total) if place.total else "",
    )
