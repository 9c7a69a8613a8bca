"""The command line's help in Chinese, the default language (``--lang en`` shows the English
docstrings and option help the commands are written with).

``COMMANDS`` holds each command's help by its path (``"neo4j start"``), ``OPTIONS`` each
option's help by parameter name, and ``COMMAND_OPTIONS`` the help of an option that means
something of its own in one command (``"reach.hops"``). ``tests/test_help.py`` fails when a
command or option has no Chinese help.
"""

from __future__ import annotations

__all__ = ["CLICK_WORDS", "COMMANDS", "COMMAND_OPTIONS", "OPTIONS"]

COMMANDS = {
    "": """对党建引领基层治理网络建模、存储、分析并出具报告。

所有命令默认说中文；加 --lang en（或设 GRAPHMODEL_LANG=en）改为英文。

\b
示例：
    graphmodel load          # 把示例数据载入内置库
    graphmodel stats
    graphmodel gaps --xlsx 缺口.xlsx
""",
    "analyze": """计算每个节点的枢纽分、割点标记、缺口标记和覆盖数字。

加 --write 时把结果写成节点属性（hub_score、betweenness、degree、articulation、hub_actor、
cut_off_communities、gaps、coverage_*、analysis_date），供 Neo4j Browser 和 graphmodel query
按其大小、着色、筛选。重跑会替换上次的结果；其他内容不变。在 Neo4j 上，枢纽分最高的主体还会加上
HubHigh（前 10）和 HubMid（第 11–50）标签，Browser 样式会把它们画得更大。

\b
示例：
    graphmodel analyze --write --store neo4j --as-of 2023-06-30
""",
    "browser": """开箱即用的 Neo4j Browser：本项目的中文指南和样式（.grass）。

本地服务器（graphmodel neo4j start）会自己提供并在连接时打开它们。若用别处的 Neo4j 5，
运行 graphmodel browser serve，再在 Browser 里用 :style 和 :play。
""",
    "browser serve": """提供 guide.html 和 style.grass（带 CORS），直到按 Ctrl+C。

然后在连接任一 Neo4j 5 的 Neo4j Browser 里运行打印出的两条命令。

\b
示例：
    graphmodel browser serve --port 7475
    # 在 Browser 里：:style http://localhost:7475/style.grass
    #              :play http://localhost:7475/guide.html
""",
    "export": """导出网络（或一个区、一个街道、一个主体周边），供 Gephi、yEd 或 Cytoscape 打开。

\b
示例：
    graphmodel export --format gexf --district 海淀区 --fold-party-orgs --out hd.gexf
    graphmodel export --format csv --around 建国门街道市级下沉单位01 --hops 2 --out around/
""",
    "gaps": """覆盖缺口：共建网络没有覆盖到的地方。

规则：未结对社区（unpaired_community）、社区社会组织不足（few_social_orgs）、无协调委员会覆盖
（no_committee）、协调委员会成员单位偏少（thin_committee）、各自作战的单位（working_alone）、
结对到期未续（expired_pairing）、孤立片区（isolated_cluster）、无双报到（unreported）、需求超时
未办（unmet_need）、挂名结对（dormant_pairing）、资源闲置（idle_resource）、无需求记录（
no_needs_recorded，数据缺口），定义见 docs/analyses.md。阈值来自 --policy（参见 docs/policy.example.toml）。库为空时报错并说明如何载入。

\b
示例：
    graphmodel gaps --street 建国门街道 --as-of 2023年6月30日
    graphmodel gaps --xlsx 缺口.xlsx
""",
    "generate": """在 OUT_DIR 中生成合成台账（CSV 文件，本项目的台账格式）。

名称以“合成”开头；没有任何记录代表个人。相同的规模、数量和种子生成逐字节相同的文件。

\b
示例：
    graphmodel generate ledger-city --scale city --seed 1
    graphmodel load ledger-city
""",
    "hubs": """协调枢纽（度、介数、跨街道）和单点故障（割点、桥）。

单位与其党组织合并为一个主体计算。列出的单点故障是缺了它就会让某个社区失去全部对外联系的那些；
--json 列出全部割点和桥。--csv 输出枢纽表，--xlsx 把枢纽表和单点故障表写入工作簿。
--weigh delivered 按考核期内经由联系交付的工作（项目、办结需求）排名；单点故障仍按联系本身。

\b
示例：
    graphmodel hubs --top 10 --as-of 2023-06-30
    graphmodel hubs --weigh delivered --policy policy.toml
""",
    "history": """列出库中记录的各次载入：时间（UTC）、台账、内容哈希，以及每次新增、修改、删除的记录数。

\b
示例：
    graphmodel history
    graphmodel history --json
""",
    "load": """把台账（CSV 文件夹、CSV 文件、.xlsx 工作簿）载入库中。

不给 LEDGERS 时载入示例数据（seed/ledger/）。每个问题都报告文件、工作表、行和列；有效的行照常载入，
被拒的行写入一个拒收文件，改好后再次载入即可。有行被拒时退出码为 1。

\b
示例：
    graphmodel load 台账.xlsx --dry-run
    graphmodel load 台账.xlsx
    graphmodel load 台账.rejects.xlsx     # 改好被拒的行之后
""",
    "match": """为未办结需求对接可用资源（资源对接），网络中近者优先。

优先结对单位的资源，其次社区所在协调委员会的成员单位，再次同街道、同区的单位（代价见 --policy
的 cost_match_*）。不超过资源名额；先满足尽可能多的需求，再取代价最小者，等待久的需求优先。
每条建议列出依据路径 需求 → 社区 → 结对/委员会/街道 → 单位 → 资源。--xlsx FILE 写出对接清单
（含空白的“对接结果”列）和无法满足的需求，供落实。

\b
示例：
    graphmodel match --street 回龙观街道 --xlsx 对接清单.xlsx
""",
    "needs": """需求清单：各区、各街道需求的提出、认领、办结；未办结需求的类别与等待天数；超时需求；
谁在办结需求。

待认领超过 need_claim_days 天、或办理中超过 need_resolve_days 天的需求为超时（--policy；默认
7 天和 30 天）。办结率 = 办结 / (提出 − 不予受理)。--csv 输出未办结需求。

\b
示例：
    graphmodel needs --street 回龙观街道
""",
    "neo4j": """本地 Neo4j 5.26 LTS 社区版服务器（含 Neo4j Browser），从 Maven Central 获取。

实例位于 .neo4j/（或 GRAPHMODEL_NEO4J_HOME），端口 NEO4J_BOLT_PORT（7687）和
NEO4J_HTTP_PORT（7474），只绑定 127.0.0.1；jar 包缓存在 ~/.cache/graphmodel（或 GRAPHMODEL_CACHE）。

若改用别的 Neo4j 5（Docker、Desktop、Aura），设置 NEO4J_URI、NEO4J_USER 和 NEO4J_PASSWORD，
并在读写图的命令上加 --store neo4j。
""",
    "neo4j fetch": """把 Neo4j 和 Browser 的 jar 包下载到缓存（只需一次；需要 java 和 mvn）。

\b
示例：
    graphmodel neo4j fetch
""",
    "neo4j start": """在后台启动服务器；Bolt 应答后返回。

首次启动会获取 jar 包、写配置并设置密码：NEO4J_PASSWORD，或生成一个保存在实例的密码文件中
（权限 600）。

\b
示例：
    GRAPHMODEL_NEO4J_HOME=/tmp/neo4j-dev NEO4J_BOLT_PORT=17687 NEO4J_HTTP_PORT=17474 \\
      graphmodel neo4j start
""",
    "neo4j status": """服务器是否在运行、版本、端口和数据目录（已停止时退出码为 3）。

\b
示例：
    graphmodel neo4j status --json
""",
    "neo4j stop": """干净地关闭服务器，等到它停下。

\b
示例：
    graphmodel neo4j stop
""",
    "pairings": """某个社区、单位或党组织的结对共建，每项标明在 --as-of 当天是在期、已到期还是未开始。

NAME_OR_ID 是编号，或只有一个社区、单位、社会组织或党组织使用的名称；名称有重名时列出候选，
找不到时列出最接近的名称。

\b
示例：
    graphmodel pairings 站东社区
    graphmodel pairings 站东社区 --as-of 2023年6月30日 --xlsx 结对.xlsx
""",
    "query": """在 Neo4j 上以只读事务运行查询库中的一个命名查询。

NAME 是 cypher/queries/ 中的查询（见 --list）；-p 给出参数，日期可写 2023-06-30、2023/6/30 或
2023年6月30日。会写入的语句一律拒绝。需要 --store neo4j（或 GRAPHMODEL_STORE=neo4j）：查询是
Cypher。参数 ref 指向的对象不存在时报错并列出最接近的名称。

\b
示例：
    graphmodel query --list
    graphmodel query partners -p ref=站东社区 -p as_of=2023-06-30 --store neo4j
    graphmodel query --export favorites/
""",
    "reach": """某单位、委员会、党组织或街道能触达的社区（及居民）。

NAME_OR_ID 是编号，或只有一个此类记录使用的名称。默认沿结对共建、委员会成员、社会组织服务和
双报到查找，--via 可另行指定（committee：委员会成员及其覆盖的街道社区；lead：街道党工委对社区
党组织的领导）；党组织与其所属的单位、社区或街道算作一个主体，二者之间不计跳数。一个社区也没触达
时，会说明沿用了哪些联系、最近的社区在几跳之外、还有哪些联系未沿用。

\b
示例：
    graphmodel reach 建国门街道市级下沉单位01 --hops 2
    graphmodel reach 万寿路街道 --via pairing,committee,report,lead
""",
    "recommend": """为未结对社区提出结对建议（最小费用流）。

每个单位最多再结对“结对上限”（台账中的结对上限，否则取政策的 unit_capacity）减去现有在期结对数；
同街道的单位优先于同区其他街道的，同区的优先于区外的；各自作战的单位优先于已经很忙的单位。

\b
示例：
    graphmodel recommend --district 海淀区 --policy seed/policy.toml
""",
    "report": """生成报告：各街道覆盖情况、缺口、协调枢纽、单点故障和结对建议，输出 index.md、
自包含的 index.html 和中文字体的 PNG 图表；语言随 --lang（名称保持台账原样）。
加 --xlsx 时每节一张工作表。

\b
示例：
    graphmodel report --out 报告 --as-of 2023-06-30
    graphmodel report --out report-en --lang en --policy seed/policy.toml
    graphmodel report --out 报告 --xlsx 报告.xlsx
""",
    "stats": """按标签和关系类型计数，以及每个区、每个街道的数字。

\b
示例：
    graphmodel stats --xlsx 概况.xlsx
""",
    "template": """生成空白台账工作簿：每张表一个工作表，另有“说明”工作表（每张表一行示例）。

表头默认为中文（--lang en 为英文字段名），封闭取值的列（社区/村、街道/镇/乡、行业、类别等）带
下拉列表；每张表都可以有“序号”列。空白模板可原样载入为空台账。

\b
示例：
    graphmodel template 台账模板.xlsx
""",
    "trend": """按期统计覆盖情况（有效结对、有协调委员会覆盖、社会组织达标、有双报到的社区数）和各规则的缺口数，
每期取其最后一天，日期来自图中的记录。某张台账未填写的数字显示为“未采集”。--as-of 不使用：每期取
期末一天。

\b
示例：
    graphmodel trend --from 2019 --to 2024
    graphmodel trend --from 2023-01 --to 2024-06-30 --every quarter --district 海淀区 \\
        --xlsx 趋势.xlsx --chart 趋势.png
""",
    "view": """写出一个离线浏览网络的自包含 HTML 页面：按名称搜索，按类型和联系筛选，点击查看带日期的
结对、缺口和枢纽作用。党组织并入其单位和社区显示。

\b
示例：
    graphmodel view --street 建国门街道 --out jgm.html
    graphmodel view --around 站东社区 --hops 2 --out zd.html
""",
    "whatif": """假设分析：单位退出或结对结束之后的缺口，与今天比较。

不改动库。单位退出时带走其党组织。

\b
示例：
    graphmodel whatif --remove 建国门街道市级下沉单位01 --end-pairing 建国门街道市级下沉单位02 站东社区
""",
}

OPTIONS = {
    "store": "用哪个库：内置文件（embedded），或 Neo4j 服务器（neo4j）。",
    "db": "内置库文件 [默认：.graphmodel/graph.db]。",
    "uri": "Neo4j 地址 [默认：bolt://127.0.0.1:7687]。",
    "user": "Neo4j 用户 [默认：neo4j]。",
    "database": "Neo4j 数据库 [默认：neo4j]。",
    "as_json": "输出 JSON（字段名固定为英文）。",
    "as_csv": "以 CSV 输出表格，供 Excel 打开（UTF-8 带 BOM；--lang en 时表头为英文字段名）。",
    "xlsx": "同时把表格写入这个 Excel 工作簿，每张表一个工作表。",
    "as_of": "联系须在哪一天有效：2023-06-30、2023/6/30 或 2023年6月30日 [默认：今天]。",
    "policy_file": "政策文件（TOML），含阈值和代价 [默认：内置默认值]。",
    "street": "只看这个街道（编号或唯一名称）。",
    "district": "只看这个区（编号或唯一名称）。",
    "lang": "zh 或 en，可用于任何命令 [默认：GRAPHMODEL_LANG，其次系统语言，否则 zh]。",
    "top": "列出的枢纽数。",
    "seed": "抽样的随机种子。",
    "force": "OUT 已存在时覆盖。",
    "timeout": "等待 Bolt 应答的秒数。",
    "port": "监听的端口。",
    "host": "绑定的地址（localhost 在 Browser 默认的白名单中）。",
}

COMMAND_OPTIONS = {
    "analyze.write": "把结果写到节点上（替换上次的结果）；不加时只显示。",
    "gaps.rules": "只运行这条规则（可重复）[默认：全部规则]。",
    "generate.scale": "命名规模：各层级的数量见 graphmodel.generate。",
    "generate.seed": "相同种子，相同文件。",
    "generate.districts": "覆盖该规模的区数。",
    "generate.streets": "覆盖该规模的街道数。",
    "generate.communities": "覆盖该规模的社区数。",
    "hubs.exact_limit": "主体数不超过此值的连通部分精确计算介数；超过则抽样。",
    "hubs.sample": "超过 --exact-limit 的每个连通部分抽样的源主体数。",
    "hubs.weigh": (
        "联系按存在计（existence），或按考核期（策略的 work_period_days）内经由它交付的工作计"
        "（delivered：项目、办结需求；挂名结对不计）。"
    ),
    "load.dry_run": "只校验并报告，不写入任何内容。",
    "load.strict": "只要有一行被拒，就什么都不载入。",
    "load.rejects": "被拒的行写到哪里（.xlsx：一个工作簿；否则一个 CSV 文件夹）"
    "[默认：第一个台账旁边，如 台账.rejects.xlsx、ledger.rejects/]。",
    "load.as_json": "以 JSON 输出报告。",
    "query.params": "查询的一个参数，按查询头部声明的类型解析（每个参数重复一次）。",
    "query.list_all": "列出查询及其参数。",
    "query.export_dir": "把每个查询写成 Neo4j Browser 收藏（NAME.cql）放进这个文件夹。",
    "reach.hops": "一条路径最多经过几条联系。",
    "reach.via": "沿哪些联系查找，逗号分隔，可选：pairing（结对）、membership（委员会成员）、"
    "committee（委员会成员与覆盖）、service（社会组织服务）、report（双报到）、lead（党组织领导）。",
    "report.out_dir": "把 index.md、index.html、report.json 和 charts/ 写进这个文件夹。",
    "report.top": "列出的枢纽数。",
    "report.limit": "每条缺口规则、单点故障和结对建议列出的行数（report.json 中为全部）。",
    "report.as_json": "以 JSON 输出写入的文件。",
    "report.xlsx": "同时把报告的表格写入这个 Excel 工作簿，每节一个工作表。",
    "whatif.remove": "移除这个单位、社会组织、党组织或委员会（可重复）。",
    "whatif.end_pairings": "结束 UNIT 与 COMMUNITY 之间在 --as-of 当天在期的结对（可重复）。",
    "whatif.top": "比较变化前后的前 N 个枢纽（0：不比较枢纽排名）。",
    "trend.start": "第一期：年份（2019）或日期（2019-06-30）。",
    "trend.end": "最后一期：年份或日期。",
    "trend.every": "每期的长度；数字取每期最后一天。",
    "trend.chart": "同时把趋势画进这个 .png。",
    "report.compare": "增加“变化”一节：与同一个库在 DATE 那天相比，或与另一个内置库文件 FILE 在同一 --as-of 日相比。",
    "view.out": "要写的页面。",
    "view.title": "页面标题 [默认：所选范围]。",
    "view.around": "只显示距这个主体（编号或名称）--hops 步以内的主体。",
    "view.hops": "配合 --around：沿工作联系走几步。",
    "export.fmt": "GraphML（Gephi、yEd、Cytoscape）、GEXF（Gephi）或 CSV 表（nodes.csv、edges.csv）。",
    "export.out": "要写的文件（csv 时为一个文件夹，内含 nodes.csv 和 edges.csv）。",
    "export.fold_party_orgs": "把每个党组织并入其单位、社区、社会组织或街道：结对就连在单位和社区之间。",
    "export.around": "只导出距这个主体（编号或名称）--hops 步以内的主体。",
    "export.hops": "配合 --around：沿工作联系走几步。",
}

CLICK_WORDS = {
    "Usage: ": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
}
"""click's own words in the help page, in Chinese."""
