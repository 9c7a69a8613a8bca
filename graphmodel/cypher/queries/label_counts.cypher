// @name label_counts
// @zh 图中各类节点（标签）的数量，以及每类的含义
// @en How many nodes of each label the graph holds, with what each label means
// @returns label, meaning, nodes -- every label of graphmodel.schema, 0 when the graph has none
// @agrees graphmodel.graphview.stats labels
UNWIND [
  ['District', '区：城市的区或县'],
  ['Street', '街道/镇/乡：区以下一级，由街道党工委领导'],
  ['Community', '社区/村：居民社区或行政村'],
  ['Grid', '网格：最小的管理单元'],
  ['PartyOrg', '党组织：街道党工委、社区党组织、单位党支部、小区党支部、楼栋党小组等'],
  ['MemberUnit', '驻区单位：机关、企事业单位和两新组织'],
  ['SocialOrg', '社区社会组织'],
  ['Committee', '党建工作协调委员会（大工委、党建联席会议）'],
  ['Need', '需求（需求清单）：社区、委员会、街道或单位提出的需求'],
  ['Resource', '资源（资源清单）：单位、社会组织、党组织可提供的场地、资金、志愿服务、专业服务、物资'],
  ['Project', '项目（项目清单）：党建项目、服务项目、公益创投、品牌项目']
] AS pair
WITH pair[0] AS label, pair[1] AS meaning
RETURN label, meaning, COUNT { MATCH (n) WHERE label IN labels(n) } AS nodes
