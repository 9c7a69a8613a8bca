"""The co-governance graph's schema: labels, relationship types, properties and constraints.

This module is the one source of truth. The ledger tables (``graphmodel.ledger.tables``), both
stores, the Cypher constraint files in ``cypher/schema/`` (checked by ``tests/test_schema.py``)
and the docs are derived from or checked against it.

Every node has a string ``id`` that is unique across the whole graph (not only within its
label), a ``name``, and provenance: ``source`` (where the record comes from: a document and its
sentence, or a ledger file and row) and ``generated`` (true when the record was filled in to
reproduce a published count rather than named by a source). No node stands for a person:
members, families and students are counts on nodes or relationships (domain.md, modelling notes).

Every relationship has a ``key``: a string that tells apart relationships of the same type
between the same two nodes (empty for structural ties such as ``PART_OF``; the pairing's
``id`` or its start date for ``PAIRED_WITH``). Stores merge on (start, type, key, end), which
makes loading the same ledger twice a no-op.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

__all__ = [
    "COMMON_NODE_PROPS",
    "LABELS",
    "NODE_LABELS",
    "RELATIONSHIPS",
    "REL_TYPES",
    "Label",
    "NodeLabel",
    "Prop",
    "Rel",
    "RelType",
    "constraint_name",
    "index_name",
]


class Label:
    """The node labels, as plain ``str`` constants (``Label.COMMUNITY == "Community"``).

    Code names a label through these, never as a bare string, so that a typo fails at import
    (and in mypy) instead of silently matching nothing; ``tests/test_schema.py`` keeps bare
    label strings out of ``graphmodel/``. They are plain strings, not an enum, so they pass
    unchanged to SQLite, the Neo4j driver, JSON, CSV and as dict keys. ``NODE_LABELS`` below
    describes each one.
    """

    DISTRICT: Final = "District"
    STREET: Final = "Street"
    COMMUNITY: Final = "Community"
    GRID: Final = "Grid"
    PARTY_ORG: Final = "PartyOrg"
    MEMBER_UNIT: Final = "MemberUnit"
    SOCIAL_ORG: Final = "SocialOrg"
    COMMITTEE: Final = "Committee"
    NEED: Final = "Need"
    RESOURCE: Final = "Resource"
    PROJECT: Final = "Project"


class Rel:
    """The relationship types, as plain ``str`` constants (``Rel.PAIRED_WITH == "PAIRED_WITH"``).

    The same rule as ``Label``: code names a type through these; ``RELATIONSHIPS`` below
    describes each one.
    """

    PART_OF: Final = "PART_OF"
    LOCATED_IN: Final = "LOCATED_IN"
    BELONGS_TO: Final = "BELONGS_TO"
    LEADS: Final = "LEADS"
    SERVES: Final = "SERVES"
    COVERS: Final = "COVERS"
    CONVENED_BY: Final = "CONVENED_BY"
    MEMBER_OF: Final = "MEMBER_OF"
    PAIRED_WITH: Final = "PAIRED_WITH"
    REPORTS_TO: Final = "REPORTS_TO"
    RAISED_BY: Final = "RAISED_BY"
    CLAIMED_BY: Final = "CLAIMED_BY"
    MET_WITH: Final = "MET_WITH"
    OFFERED_BY: Final = "OFFERED_BY"
    RUN_BY: Final = "RUN_BY"
    TAKES_PLACE_IN: Final = "TAKES_PLACE_IN"
    ADDRESSES: Final = "ADDRESSES"
    USES: Final = "USES"


@dataclass(frozen=True)
class Prop:
    """A property: its name, value type, and the closed list of values it may take, if any.

    ``type`` is one of ``str``, ``int``, ``float``, ``bool``, ``date`` (stored as an ISO
    ``YYYY-MM-DD`` string in both stores, so that comparisons agree) or ``list`` (of strings).
    """

    name: str
    type: str = "str"
    choices: tuple[str, ...] = ()
    indexed: bool = False
    doc: str = ""


@dataclass(frozen=True)
class NodeLabel:
    """A node label with its own properties (in addition to ``COMMON_NODE_PROPS``)."""

    name: str
    doc: str
    props: tuple[Prop, ...] = ()

    @property
    def all_props(self) -> tuple[Prop, ...]:
        """The label's properties, common ones first."""
        return COMMON_NODE_PROPS + self.props


@dataclass(frozen=True)
class RelType:
    """A relationship type, the labels it may start and end at, and its properties."""

    name: str
    doc: str
    start: tuple[str, ...]
    end: tuple[str, ...]
    props: tuple[Prop, ...] = field(default=())


# Closed vocabularies. Ledgers that use another value get the row rejected with the list of
# accepted values, so typos do not silently split a category in two.
STREET_KINDS = ("街道", "镇", "乡", "地区")
COMMUNITY_KINDS = ("社区", "村")
GRID_KINDS = ("基础网格", "专属网格")
PARTY_ORG_LEVELS = (
    "区委",
    "街道党工委",
    "镇党委",
    "社区党委",
    "社区党总支",
    "社区党支部",
    "村党委",
    "村党总支",
    "村党支部",
    "单位党委",
    "单位党总支",
    "单位党支部",
    "社会组织党支部",
    "网格党支部",
    "小区党支部",
    "楼栋党小组",
    "党员中心户",
    "临时党支部",
    "联合党支部",
)
UNIT_SECTORS = (
    "机关",
    "国有企业",
    "非公企业",
    "事业单位",
    "高校",
    "科研院所",
    "医疗卫生",
    "社会组织",
    "驻区部队",
    "其他",
)
UNIT_LEVELS = ("中央", "省", "市", "区", "街道")
SOCIAL_ORG_CATEGORIES = (
    "自治自管",
    "互助服务",
    "社区建设",
    "公益慈善",
    "志愿服务",
    "行业协会",
    "文体娱乐",
    "其他",
)
COMMITTEE_LEVELS = ("区", "街道", "社区")
PAIRING_KINDS = ("结对共建", "下沉", "局包社区", "联建")

# The three lists (三张清单): needs, resources, projects. Categories follow what the source
# documents name: 000 环境问题、社区安全、物业管理; 001 养老助餐、无障碍、就业、文化需求、潮汐车道;
# 002 停车; 004 为老服务、困境儿童、残疾人、医疗、教育 (docs/ledger-format.md).
NEED_CATEGORIES = (
    "环境整治",
    "社区安全",
    "物业管理",
    "养老助餐",
    "助残服务",
    "困境儿童",
    "就业服务",
    "文化活动",
    "教育服务",
    "医疗健康",
    "停车交通",
    "其他",
)
NEED_STATUSES = ("待认领", "办理中", "已办结", "不予受理")
OPEN_NEED_STATUSES = ("待认领", "办理中")
"""Statuses of a need still to be met: not yet claimed, or claimed and in hand."""
RESOURCE_KINDS = ("场地", "资金", "志愿服务", "专业服务", "物资")
RESOURCE_SCOPES = ("结对社区", "街道", "区", "不限")
"""Where a resource may serve, from its offerer: only the communities the offerer is paired
with, the offerer's street, its district, anywhere. Paired communities are always in scope."""
PROJECT_KINDS = ("党建项目", "服务项目", "公益创投", "品牌项目")
PROJECT_STATUSES = ("储备", "实施中", "已完成")
"""储备: in the project bank (项目库), not started; 实施中: running; 已完成: completed."""

# Who may raise a need, offer a resource, claim a need or run a project.
NEED_RAISERS = (Label.COMMUNITY, Label.COMMITTEE, Label.STREET, Label.MEMBER_UNIT, Label.PARTY_ORG)
PROVIDERS = (Label.MEMBER_UNIT, Label.SOCIAL_ORG, Label.PARTY_ORG, Label.COMMITTEE, Label.STREET)

# The two sides of a pairing (结对共建): the project's one definition, used by the ledger's
# pairings and reports tables, graphview.pairing_sides (which end of a PAIRED_WITH is which),
# graphview.PARTNER_LABELS and the what-if's pair to end.
COMMUNITY_SIDE = (Label.COMMUNITY,)
"""Labels whose party organization is the community side of a pairing."""
UNIT_SIDE = (Label.MEMBER_UNIT, Label.SOCIAL_ORG)
"""Labels whose party organization is the unit side of a pairing (resident units and social
organizations)."""
UNIT_END = (*UNIT_SIDE, Label.PARTY_ORG)
"""What may name the unit side of a pairing or a report (a ledger row, a pair to end): a
unit-side record, standing for its party organization, or the party organization itself."""
COMMUNITY_END = (*COMMUNITY_SIDE, Label.PARTY_ORG)
"""What may name the community side of a pairing: a community, or its party organization."""

COMMON_NODE_PROPS: tuple[Prop, ...] = (
    Prop("id", doc="unique across the graph; the merge key"),
    Prop("name", indexed=True, doc="the name the ledgers use; references may use it if unique"),
    Prop("source", doc="provenance: document and sentence, or ledger file and row"),
    Prop(
        "generated", "bool", doc="filled in to reproduce a published count, not named by a source"
    ),
    Prop("note", doc="备注: the ledger's free-text note on the record"),
)

NODE_LABELS: tuple[NodeLabel, ...] = (
    NodeLabel(Label.DISTRICT, "区: a city district or county."),
    NodeLabel(
        Label.STREET,
        "街道/镇/乡: the level below a district, led by its party working committee.",
        (Prop("kind", choices=STREET_KINDS),),
    ),
    NodeLabel(
        Label.COMMUNITY,
        "社区/村: a residential community or a village.",
        (
            Prop("kind", choices=COMMUNITY_KINDS),
            Prop("population", "int", doc="residents, where known"),
            Prop("households", "int", doc="households, where known"),
        ),
    ),
    NodeLabel(
        Label.GRID, "网格: the smallest management unit.", (Prop("kind", choices=GRID_KINDS),)
    ),
    NodeLabel(
        Label.PARTY_ORG,
        "A party organization: a street working committee, a community's, a unit's, ...",
        (Prop("level", choices=PARTY_ORG_LEVELS),),
    ),
    NodeLabel(
        Label.MEMBER_UNIT,
        "驻区单位: an organ, enterprise, institution or two-new organization resident in a street.",
        (
            Prop("sector", choices=UNIT_SECTORS),
            Prop("level", choices=UNIT_LEVELS),
            Prop("capacity", "int", doc="most communities it can pair with (overrides the policy)"),
        ),
    ),
    NodeLabel(
        Label.SOCIAL_ORG,
        "社区社会组织: a community social organization; also a foundation (基金会, category 公益慈善),"
        " since Chinese law registers foundations as one of the three forms of social organization.",
        (Prop("category", choices=SOCIAL_ORG_CATEGORIES),),
    ),
    NodeLabel(
        Label.COMMITTEE,
        "党建工作协调委员会: a coordination committee (also 大工委, 党建联席会议).",
        (Prop("level", choices=COMMITTEE_LEVELS),),
    ),
    NodeLabel(
        Label.NEED,
        "需求 (需求清单): what a community, committee, street or unit asks for.",
        (
            Prop("category", choices=NEED_CATEGORIES),
            Prop("status", choices=NEED_STATUSES),
            Prop("raised", "date", doc="the day the need was raised (提出时间)"),
            Prop("closed", "date", doc="the day it was resolved or declined (办结时间)"),
            Prop("beneficiaries", "int", doc="how many people benefit (a count, never names)"),
        ),
    ),
    NodeLabel(
        Label.RESOURCE,
        "资源 (资源清单): what a unit, social organization or party organization can offer.",
        (
            Prop("kind", choices=RESOURCE_KINDS),
            Prop("category", choices=NEED_CATEGORIES, doc="the needs it meets; empty: any"),
            Prop("capacity", "int", doc="needs it can meet per year (default: the policy's)"),
            Prop("scope", choices=RESOURCE_SCOPES, doc="where it may serve (default 区)"),
            Prop("since", "date", doc="available from"),
            Prop("until", "date", doc="available until (exclusive)"),
        ),
    ),
    NodeLabel(
        Label.PROJECT,
        "项目 (项目清单): work that meets needs with resources.",
        (
            Prop("kind", choices=PROJECT_KINDS),
            Prop("status", choices=PROJECT_STATUSES),
            Prop("since", "date", doc="start"),
            Prop("until", "date", doc="end (exclusive)"),
            Prop("beneficiaries", "int", doc="how many people benefit (a count, never names)"),
        ),
    ),
)

LABELS: dict[str, NodeLabel] = {label.name: label for label in NODE_LABELS}

_PROVENANCE = (
    Prop("source", doc="provenance of the ledger row"),
    Prop("generated", "bool", doc="filled in to reproduce a published count"),
    Prop("note", doc="备注: the ledger's free-text note on the row"),
)

RELATIONSHIPS: tuple[RelType, ...] = (
    RelType(
        Rel.PART_OF,
        "Upward in the administrative hierarchy.",
        (Label.STREET, Label.COMMUNITY, Label.GRID),
        (Label.DISTRICT, Label.STREET, Label.COMMUNITY),
    ),
    RelType(
        Rel.LOCATED_IN,
        "A resident unit sits in a street.",
        (Label.MEMBER_UNIT,),
        (Label.STREET,),
    ),
    RelType(
        Rel.BELONGS_TO,
        "A party organization is the organization of this unit, community, social org or street.",
        (Label.PARTY_ORG,),
        (
            Label.MEMBER_UNIT,
            Label.COMMUNITY,
            Label.SOCIAL_ORG,
            Label.STREET,
            Label.DISTRICT,
            Label.GRID,
        ),
    ),
    RelType(
        Rel.LEADS, "A party organization leads a lower one.", (Label.PARTY_ORG,), (Label.PARTY_ORG,)
    ),
    RelType(
        Rel.SERVES,
        "A social organization serves a community.",
        (Label.SOCIAL_ORG,),
        (Label.COMMUNITY,),
    ),
    RelType(
        Rel.COVERS,
        "A coordination committee covers a street or a community.",
        (Label.COMMITTEE,),
        (Label.STREET, Label.COMMUNITY),
    ),
    RelType(
        Rel.CONVENED_BY,
        "A committee is convened by a party organization.",
        (Label.COMMITTEE,),
        (Label.PARTY_ORG,),
    ),
    RelType(
        Rel.MEMBER_OF,
        "A unit, social organization or party organization is a member of a committee.",
        (Label.MEMBER_UNIT, Label.SOCIAL_ORG, Label.PARTY_ORG),
        (Label.COMMITTEE,),
        (Prop("role"), Prop("since", "date"), *_PROVENANCE),
    ),
    RelType(
        Rel.PAIRED_WITH,
        "结对共建: a unit's party organization pairs with a community's party organization.",
        (Label.PARTY_ORG,),
        (Label.PARTY_ORG,),
        (
            Prop("kind", choices=PAIRING_KINDS),
            Prop("since", "date"),
            Prop("until", "date"),
            Prop("agreement", doc="the agreement's title or number (结对共建协议书)"),
            *_PROVENANCE,
        ),
    ),
    RelType(
        Rel.REPORTS_TO,
        "双报到: a unit's party organization reports in-service members to a community.",
        (Label.PARTY_ORG,),
        (Label.COMMUNITY,),
        (
            Prop("members", "int", doc="how many members reported"),
            Prop("since", "date"),
            *_PROVENANCE,
        ),
    ),
    RelType(
        Rel.RAISED_BY,
        "A need is raised by a community, committee, street or unit.",
        (Label.NEED,),
        NEED_RAISERS,
    ),
    RelType(
        Rel.CLAIMED_BY,
        "A need is claimed (认领) and handled by a provider.",
        (Label.NEED,),
        PROVIDERS,
    ),
    RelType(
        Rel.MET_WITH, "A need is met with a resource (对接资源).", (Label.NEED,), (Label.RESOURCE,)
    ),
    RelType(Rel.OFFERED_BY, "A resource is offered by a provider.", (Label.RESOURCE,), PROVIDERS),
    RelType(
        Rel.RUN_BY,
        "A project is run by a provider or a community.",
        (Label.PROJECT,),
        (*PROVIDERS, Label.COMMUNITY),
    ),
    RelType(
        Rel.TAKES_PLACE_IN,
        "A project takes place in a community.",
        (Label.PROJECT,),
        (Label.COMMUNITY,),
    ),
    RelType(Rel.ADDRESSES, "A project addresses a need.", (Label.PROJECT,), (Label.NEED,)),
    RelType(Rel.USES, "A project uses a resource.", (Label.PROJECT,), (Label.RESOURCE,)),
)

REL_TYPES: dict[str, RelType] = {rel.name: rel for rel in RELATIONSHIPS}


def constraint_name(label: str) -> str:
    """The name of the uniqueness constraint on ``label.id`` (``district_id`` for District)."""
    return f"{_snake(label)}_id"


def index_name(label: str, prop: str) -> str:
    """The name of the range index on ``label.prop`` (``community_name`` for Community.name)."""
    return f"{_snake(label)}_{prop}"


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(name))
