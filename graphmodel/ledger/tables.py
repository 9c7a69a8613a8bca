"""The ledger format: the tables, their columns, Chinese aliases, and what each column becomes.

A ledger is a folder of CSV files or one .xlsx workbook with a sheet per table. A table is found
by its English name or one of its aliases (file stem or sheet name); a column likewise. Values
are checked against ``graphmodel.schema`` (types and closed vocabularies).

Reference columns (``ref``) name another record by its ``id`` or by its ``name`` when that
name is unique among the labels the column accepts; ``multi`` columns hold several references
separated by ``;``, ``；``, ``、``, ``,`` or ``，``.

Names are matched after ``normalize``: Unicode NFKC (full-width letters, digits, spaces and
parentheses become their ordinary forms, so ``社区(村)`` and ``社区（村）`` are one header),
whitespace trimmed, English case ignored.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from graphmodel.schema import (
    COMMUNITY_END,
    LABELS,
    NEED_RAISERS,
    PROVIDERS,
    REL_TYPES,
    UNIT_END,
    Label,
    Prop,
    Rel,
)

__all__ = [
    "IGNORED_SHEETS",
    "ORIGIN_HEADER",
    "PERSONAL_TERMS",
    "PROBLEM_HEADER",
    "PROVENANCE",
    "ROW_NUMBER_HEADERS",
    "TABLES",
    "TABLE_ORDER",
    "Column",
    "Table",
    "column_prop",
    "header_name",
    "is_personal",
    "normalize",
    "sheet_name",
    "table_for",
]


@dataclass(frozen=True)
class Column:
    """A ledger column.

    ``prop`` is the node or relationship property the value is stored in (defaults to the
    column name) unless ``ref`` is set: then the value names records of the labels in ``ref``
    and the column creates a relationship of type ``rel`` (``reverse`` means the relationship
    points from the referenced record to the row's record).
    """

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    ref: tuple[str, ...] = ()
    rel: str = ""
    reverse: bool = False
    multi: bool = False

    @property
    def headers(self) -> tuple[str, ...]:
        """Every header that means this column."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Table:
    """A ledger table. ``label`` is set for tables whose rows are nodes; ``rel`` for tables
    whose rows are relationships (between the first two reference columns)."""

    name: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    label: str = ""
    rel: str = ""
    doc: str = ""
    either: tuple[str, ...] = ()
    """Columns of which a row must give at least one (each alone identifies the row's tie)."""

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        return next(c for c in self.columns if c.name == name)

    def column_for(self, header: str) -> Column | None:
        """The column that ``header`` (as written in a ledger) means, if any."""
        key = normalize(header)
        return next((c for c in self.columns if key in {normalize(h) for h in c.headers}), None)


ID = Column("id", ("编号", "编码", "代码", "序号ID", "ID"))
NAME = Column("name", ("名称",), required=True)
SOURCE = Column("source", ("来源", "出处"))
GENERATED = Column("generated", ("生成", "是否生成"))
NOTE = Column("note", ("备注", "备注说明"))
PROVENANCE = (SOURCE, GENERATED, NOTE)
"""The columns every table takes: provenance (``source``, ``generated``) and the ``note``."""

PERSONAL_TERMS = (
    "姓名",
    "联系人",
    "负责人",
    "电话",
    "手机",
    "身份证",
    "证件号",
    "邮箱",
    "微信",
    "住址",
    "家庭地址",
    "person",
    "contact",
    "phone",
    "mobile",
    "email",
    "id card",
)
"""Words in a header that mark a column identifying people. Privacy rule: the tool stores
organizations and counts only, never named individuals, so such a column is never stored."""

TABLES: tuple[Table, ...] = (
    Table(
        "districts",
        ("区", "区县", "区名单"),
        (ID, Column("name", ("名称", "区名称", "区县名称"), required=True), *PROVENANCE),
        label=Label.DISTRICT,
    ),
    Table(
        "streets",
        ("街道", "街道乡镇", "街乡镇"),
        (
            ID,
            Column("name", ("名称", "街道名称", "街乡镇名称"), required=True),
            Column("district", ("所属区", "区", "所属区县"), True, (Label.DISTRICT,), Rel.PART_OF),
            Column("kind", ("类型", "街乡镇类型")),
            *PROVENANCE,
        ),
        label=Label.STREET,
    ),
    Table(
        "communities",
        ("社区", "社区村", "村居", "社区（村）"),
        (
            ID,
            Column("name", ("名称", "社区名称", "社区（村）名称"), required=True),
            Column(
                "street", ("所属街道", "街道", "所属街乡镇"), True, (Label.STREET,), Rel.PART_OF
            ),
            Column("kind", ("类型", "社区类型")),
            Column("population", ("人口", "常住人口", "居民人数")),
            Column("households", ("户数", "住户数")),
            *PROVENANCE,
        ),
        label=Label.COMMUNITY,
    ),
    Table(
        "grids",
        ("网格",),
        (
            ID,
            Column("name", ("名称", "网格名称"), required=True),
            Column("community", ("所属社区", "社区"), True, (Label.COMMUNITY,), Rel.PART_OF),
            Column("kind", ("类型", "网格类型")),
            *PROVENANCE,
        ),
        label=Label.GRID,
    ),
    Table(
        "party_orgs",
        ("党组织", "基层党组织"),
        (
            ID,
            Column("name", ("名称", "党组织名称"), required=True),
            Column("level", ("层级", "类型", "党组织类型")),
            Column(
                "belongs_to",
                ("所属单位", "隶属", "所在单位"),
                ref=REL_TYPES[Rel.BELONGS_TO].end,
                rel=Rel.BELONGS_TO,
            ),
            Column(
                "parent",
                ("上级党组织", "上级"),
                ref=(Label.PARTY_ORG,),
                rel=Rel.LEADS,
                reverse=True,
            ),
            *PROVENANCE,
        ),
        label=Label.PARTY_ORG,
    ),
    Table(
        "units",
        ("驻区单位", "单位", "机关企事业单位"),
        (
            ID,
            Column("name", ("名称", "单位名称"), required=True),
            Column("sector", ("性质", "单位性质", "类型")),
            Column("level", ("层级", "级别", "隶属层级")),
            Column(
                "street", ("所在街道", "所属街道", "街道"), ref=(Label.STREET,), rel=Rel.LOCATED_IN
            ),
            Column("capacity", ("结对上限", "可结对数")),
            *PROVENANCE,
        ),
        label=Label.MEMBER_UNIT,
    ),
    Table(
        "social_orgs",
        ("社会组织", "社区社会组织"),
        (
            ID,
            Column("name", ("名称", "组织名称", "社会组织名称"), required=True),
            Column("category", ("类别", "类型")),
            Column(
                "community",
                ("服务社区", "所属社区", "社区"),
                ref=(Label.COMMUNITY,),
                rel=Rel.SERVES,
                multi=True,
            ),
            *PROVENANCE,
        ),
        label=Label.SOCIAL_ORG,
    ),
    Table(
        "committees",
        ("协调委员会", "党建工作协调委员会", "委员会"),
        (
            ID,
            Column("name", ("名称", "委员会名称"), required=True),
            Column("level", ("层级", "级别")),
            Column(
                "covers",
                ("覆盖范围", "覆盖", "所属街道社区"),
                ref=(Label.STREET, Label.COMMUNITY),
                rel=Rel.COVERS,
                multi=True,
            ),
            Column(
                "convened_by",
                ("牵头党组织", "召集", "牵头"),
                ref=(Label.PARTY_ORG,),
                rel=Rel.CONVENED_BY,
            ),
            *PROVENANCE,
        ),
        label=Label.COMMITTEE,
    ),
    Table(
        "memberships",
        ("委员会成员", "成员单位名单", "成员"),
        (
            Column("committee", ("委员会", "协调委员会"), True, (Label.COMMITTEE,)),
            Column(
                "member",
                ("成员", "成员单位"),
                True,
                REL_TYPES[Rel.MEMBER_OF].start,
            ),
            Column("role", ("角色", "职务")),
            Column("since", ("加入时间", "入会时间")),
            *PROVENANCE,
        ),
        rel=Rel.MEMBER_OF,
        doc="Rows are MEMBER_OF relationships from member to committee.",
    ),
    Table(
        "pairings",
        ("结对共建", "结对", "结对共建台账"),
        (
            Column("id", ("编号", "协议编号")),
            Column(
                "unit",
                ("单位", "结对单位", "单位名称", "单位党组织", "共建单位"),
                True,
                UNIT_END,
            ),
            Column(
                "community",
                ("社区", "结对社区", "社区名称", "社区党组织", "社区（村）"),
                True,
                COMMUNITY_END,
            ),
            Column("kind", ("类型", "结对类型", "方式")),
            Column("since", ("结对时间", "开始时间", "签约时间")),
            Column("until", ("截止时间", "结束时间", "到期时间")),
            Column("agreement", ("协议", "协议书")),
            *PROVENANCE,
        ),
        rel=Rel.PAIRED_WITH,
        doc=(
            "Rows are PAIRED_WITH relationships between the unit's party organization and the "
            "community's. A unit or community named here is resolved to its party organization "
            "(the one that BELONGS_TO it and has no superior within it); one is created when it "
            "has none."
        ),
    ),
    Table(
        "reports",
        ("双报到", "报到"),
        (
            Column(
                "unit",
                ("单位", "报到单位", "单位名称", "单位党组织"),
                ref=UNIT_END,
            ),
            Column("party_org", ("报到党组织", "党组织", "报到单位党组织"), ref=(Label.PARTY_ORG,)),
            Column("community", ("社区", "报到社区", "社区名称"), True, (Label.COMMUNITY,)),
            Column("members", ("报到人数", "党员人数", "人数")),
            Column("since", ("报到时间",)),
            *PROVENANCE,
        ),
        rel=Rel.REPORTS_TO,
        doc=(
            "Rows are REPORTS_TO relationships from the unit's party organization to the "
            "community. A row names the unit, or the reporting party organization itself "
            "(报到党组织), or both (then the party organization must be the unit's)."
        ),
        either=("unit", "party_org"),
    ),
    Table(
        "resources",
        ("资源清单", "资源", "资源库"),
        (
            Column("id", ("编号", "资源编号", "ID")),
            Column("name", ("名称", "资源名称", "资源内容"), required=True),
            Column(
                "offered_by",
                ("提供方", "提供单位", "资源单位", "资源提供方", "单位"),
                True,
                PROVIDERS,
                Rel.OFFERED_BY,
            ),
            Column("kind", ("类型", "资源类型")),
            Column("category", ("类别", "服务领域", "适用需求")),
            Column("capacity", ("容量", "可对接数", "每年可对接")),
            Column("scope", ("服务范围", "范围")),
            Column("since", ("开始时间", "可提供起", "提供时间")),
            Column("until", ("截止时间", "可提供至", "结束时间")),
            *PROVENANCE,
        ),
        label=Label.RESOURCE,
        doc="Rows are resources (资源清单); capacity counts needs per year.",
    ),
    Table(
        "needs",
        ("需求清单", "需求", "问题清单"),
        (
            Column("id", ("编号", "需求编号", "ID")),
            Column("name", ("名称", "需求名称", "需求事项", "需求内容"), required=True),
            Column(
                "raised_by",
                ("提出方", "需求方", "提出单位", "所属社区", "社区", "需求主体"),
                True,
                NEED_RAISERS,
                Rel.RAISED_BY,
            ),
            Column("category", ("类别", "需求类别", "领域")),
            Column("status", ("状态", "办理状态")),
            Column("raised", ("提出时间", "登记时间", "收集时间")),
            Column("closed", ("办结时间", "完成时间", "关闭时间")),
            Column(
                "claimed_by",
                ("认领方", "认领单位", "承接单位", "办理单位"),
                ref=PROVIDERS,
                rel=Rel.CLAIMED_BY,
            ),
            Column("resource", ("对接资源", "资源"), ref=(Label.RESOURCE,), rel=Rel.MET_WITH),
            Column("beneficiaries", ("受益人数", "受益群众")),
            *PROVENANCE,
        ),
        label=Label.NEED,
        doc="Rows are needs (需求清单); status 待认领, 办理中, 已办结 or 不予受理.",
    ),
    Table(
        "projects",
        ("项目清单", "项目", "项目库"),
        (
            Column("id", ("编号", "项目编号", "ID")),
            Column("name", ("名称", "项目名称"), required=True),
            Column("kind", ("类型", "项目类型")),
            Column("status", ("状态", "项目状态")),
            Column(
                "run_by",
                ("承接方", "实施单位", "承办单位", "牵头单位"),
                ref=(*PROVIDERS, Label.COMMUNITY),
                rel=Rel.RUN_BY,
            ),
            Column(
                "communities",
                ("所在社区", "实施社区", "服务社区", "社区"),
                ref=(Label.COMMUNITY,),
                rel=Rel.TAKES_PLACE_IN,
                multi=True,
            ),
            Column(
                "needs",
                ("对应需求", "解决需求", "需求"),
                ref=(Label.NEED,),
                rel=Rel.ADDRESSES,
                multi=True,
            ),
            Column(
                "resources",
                ("使用资源", "资源"),
                ref=(Label.RESOURCE,),
                rel=Rel.USES,
                multi=True,
            ),
            Column("since", ("开始时间", "启动时间", "立项时间")),
            Column("until", ("结束时间", "截止时间")),
            Column("beneficiaries", ("受益人数", "受益群众")),
            *PROVENANCE,
        ),
        label=Label.PROJECT,
        doc="Rows are projects (项目清单): 党建项目, 服务项目, 公益创投, 品牌项目.",
    ),
)

TABLE_ORDER: tuple[str, ...] = tuple(t.name for t in TABLES)

IGNORED_SHEETS = ("说明", "填写说明", "instructions", "readme")
"""Sheet names a reader skips without a warning (the template's instructions sheet)."""

ROW_NUMBER_HEADERS = ("序号", "行号", "No.")
"""Row-number columns Chinese ledgers carry in every table: accepted silently, not stored."""

PROBLEM_HEADER = "问题 problem"
"""The column a rejects file adds: what is wrong with the row. Readers ignore it."""

ORIGIN_HEADER = "原位置 origin"
"""The column a rejects file adds: the file and row the rejected row was first read from.
Readers use it as the row's default ``source``, so provenance survives a fix-and-reload."""


def sheet_name(table: Table, lang: str) -> str:
    """The sheet name of ``table`` in ``lang``: its first Chinese name, or its English name."""
    return table.aliases[0] if lang == "zh" and table.aliases else table.name


def header_name(column: Column, lang: str) -> str:
    """The header of ``column`` in ``lang``: its first Chinese alias, or its English name."""
    return column.aliases[0] if lang == "zh" and column.aliases else column.name


def is_personal(header: str) -> bool:
    """Whether ``header`` names a column that identifies people (``PERSONAL_TERMS``).

    >>> is_personal("联系人电话"), is_personal("单位名称")
    (True, False)
    """
    key = normalize(header)
    return any(term in key for term in PERSONAL_TERMS)


def normalize(name: str) -> str:
    """``name`` as compared with table names, headers and aliases (see the module docstring)."""
    return unicodedata.normalize("NFKC", name).strip().lower()


def table_for(name: str) -> Table | None:
    """The table whose name or alias is ``name`` (a file stem or sheet name), if any."""
    key = normalize(name)
    return next((t for t in TABLES if key in {normalize(n) for n in (t.name, *t.aliases)}), None)


def column_prop(table: Table, column: Column) -> Prop:
    """The schema property a non-reference column's values are checked against: the row's
    label's property for node tables, the relationship's for relationship tables (``str``
    without choices for columns the schema does not type, such as a pairing's ``id``)."""
    return _column_prop(table.label, table.rel, column.name)


@functools.cache
def _column_prop(label: str, rel: str, column: str) -> Prop:
    """``column_prop`` cached by names: validation asks once per cell, and hashing the frozen
    ``Table`` itself (every column and alias) cost about 15% of validating a ledger."""
    props = LABELS[label].all_props if label else REL_TYPES[rel].props
    return next((p for p in props if p.name == column), Prop(column))
