/**
 * Canonical formulations (提法) with enumerated members, and full names of theories and
 * documents, as data for the rule `formulation`. Each entry names the public text that defines
 * it. Members are listed in their canonical order. Checked against the corpus by
 * test/unit/rule-formulation.test.ts wherever a corpus spells a formulation out.
 */

export interface FormulationEntry {
  /** The short name, e.g. 四个意识. */
  name: string;
  /** The members in canonical order, as the defining text words them. */
  members: readonly string[];
  /** The public text that defines the formulation. */
  source: string;
  /**
   * Members are everyday words (创新、协调 …): a list counts as this formulation only when its
   * name is written within the same sentence.
   */
  needsName?: boolean;
}

export const FORMULATIONS: readonly FormulationEntry[] = [
  {
    name: '四个意识',
    members: ['政治意识', '大局意识', '核心意识', '看齐意识'],
    source: '《中国共产党章程》总纲（党的十九大部分修改，2017年；党的二十大修改，2022年）',
  },
  {
    name: '四个自信',
    members: ['道路自信', '理论自信', '制度自信', '文化自信'],
    source: '党的十九大报告（2017年）；《中国共产党章程》总纲',
  },
  {
    name: '四个全面',
    members: ['全面建设社会主义现代化国家', '全面深化改革', '全面依法治国', '全面从严治党'],
    source: '党的十九届五中全会公报（2020年）；党的二十大报告（2022年）',
  },
  {
    name: '五位一体',
    members: ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设'],
    source: '党的十八大报告（2012年）',
    needsName: true,
  },
  {
    name: '三会一课',
    members: ['支部党员大会', '支部委员会', '党小组会', '党课'],
    source: '《中国共产党支部工作条例（试行）》（2018年）',
  },
  {
    name: '两个维护',
    members: ['坚决维护习近平同志党中央的核心、全党的核心地位', '坚决维护党中央权威和集中统一领导'],
    source: '《中国共产党章程》总纲（党的二十大修改，2022年）；《中共中央关于党的百年奋斗重大成就和历史经验的决议》（2021年）',
  },
  {
    name: '两个确立',
    members: ['确立习近平同志党中央的核心、全党的核心地位', '确立习近平新时代中国特色社会主义思想的指导地位'],
    source: '《中共中央关于党的百年奋斗重大成就和历史经验的决议》（党的十九届六中全会，2021年）',
  },
  {
    name: '四个服从',
    members: ['党员个人服从党的组织', '少数服从多数', '下级组织服从上级组织', '全党各个组织和全体党员服从党的全国代表大会和中央委员会'],
    source: '《中国共产党章程》第十条',
  },
  {
    name: '三严三实',
    members: ['严以修身', '严以用权', '严以律己', '谋事要实', '创业要实', '做人要实'],
    source: '习近平在十二届全国人大二次会议安徽代表团审议时的讲话（2014年3月9日）；中办《关于在县处级以上领导干部中开展“三严三实”专题教育方案》（2015年）',
  },
  {
    name: '两学一做',
    members: ['学党章党规', '学系列讲话', '做合格党员'],
    source: '中办《关于在全体党员中开展“学党章党规、学系列讲话，做合格党员”学习教育方案》（2016年）',
  },
  {
    name: '新发展理念',
    members: ['创新', '协调', '绿色', '开放', '共享'],
    source: '党的十八届五中全会公报（2015年）；党的十九大报告',
    needsName: true,
  },
  {
    name: '社会主义核心价值观',
    members: ['富强', '民主', '文明', '和谐', '自由', '平等', '公正', '法治', '爱国', '敬业', '诚信', '友善'],
    source: '党的十八大报告（2012年）；中办《关于培育和践行社会主义核心价值观的意见》（2013年）',
    needsName: true,
  },
];

/** Full names of theories and documents that must be written exactly, and where each is defined. */
export interface FullName {
  name: string;
  source: string;
}

export const FULL_NAMES: readonly FullName[] = [
  { name: '习近平新时代中国特色社会主义思想', source: '党的十九大报告（2017年）；《中国共产党章程》总纲' },
  { name: '中国特色社会主义', source: '《中国共产党章程》总纲' },
  { name: '马克思列宁主义', source: '《中国共产党章程》总纲' },
  { name: '“三个代表”重要思想', source: '《中国共产党章程》总纲' },
  { name: '中央八项规定精神', source: '中共中央政治局《关于改进工作作风、密切联系群众的八项规定》（2012年12月4日）' },
  { name: '中国共产党纪律处分条例', source: '《中国共产党纪律处分条例》（2023年修订）' },
  { name: '中国共产党党内监督条例', source: '《中国共产党党内监督条例》（2016年）' },
  { name: '中国共产党廉洁自律准则', source: '《中国共产党廉洁自律准则》（2015年）' },
  { name: '关于新形势下党内政治生活的若干准则', source: '党的十八届六中全会（2016年）' },
  { name: '中国共产党支部工作条例', source: '《中国共产党支部工作条例（试行）》（2018年）' },
  { name: '中国共产党问责条例', source: '《中国共产党问责条例》（2019年修订）' },
];
