/**
 * Whole-word confusions (易混词): pairs where both spellings are words, so a lexicon cannot tell a
 * slip from the intended word; only the neighbouring words can. Each rule fires on `found` only
 * when its context holds, and names the usage note or standard that decides it. Precision first:
 * a context goes in only when it settles the choice; rules were run over the bundled corpus
 * (test/unit/confusions.test.ts lists what they find there).
 *
 * Context patterns are tested on the text right after `found` (`after`, anchored at its end) and
 * right before it (`before`, anchored at its start, so write them ending in `$`).
 */

export interface ConfusionRule {
  /** Stable id, `found→suggestion`. */
  id: string;
  /** The word as a writer wrongly put it. */
  found: string;
  /** The word the context asks for. */
  suggestion: string;
  /** The rule fires only when this matches the text right after `found` (sticky at its end). */
  after?: RegExp;
  /** … or right before it (must end in `$`). A rule with both needs either one to hold. */
  before?: RegExp;
  /** Never fires when this matches right after `found` (e.g. 截止到, a correct alternative). */
  notAfter?: RegExp;
  /** Never fires when this matches right before `found`. */
  notBefore?: RegExp;
  /** Why, in a plain sentence for the message. */
  reason: string;
  /** The dictionary usage note or standard that decides the pair. */
  source: string;
  /** `error`: the context makes `found` wrong; `preference`: both pass, the standard prefers the suggestion. */
  strength: 'error' | 'preference';
}

/** A time expression: a date, a year, or words like 目前、今年、年底. */
export const TIME_AHEAD =
  /(?:[0-9０-９]|[〇零一二两三四五六七八九十]+[年月日]|[今去前明上本当次]年|[本上今]月|[今昨本]日|目前|当前|现在|此时|日前|发稿|[年月]底|年末|年初|[上下]半年|第?[一二三四]季度|本季度|[本上]周)/y;

const XIANHAN7 = '《现代汉语词典》（第7版，商务印书馆，2016）';

export const CONFUSIONS: readonly ConfusionRule[] = [
  {
    id: '截止→截至',
    found: '截止',
    suggestion: '截至',
    after: TIME_AHEAD,
    notAfter: /[到至于]/y,
    reason: '后面接时间时应作“截至”（截止到某时）；“截止”表示到期停止，放在时间之后',
    source: `${XIANHAN7}“截至”条：截止到（某个时候）；“截止”条：（到一定期限）停止。《现代汉语规范词典》“截止”条提示：跟“截至”不同`,
    strength: 'error',
  },
  {
    id: '截至→截止',
    found: '截至',
    suggestion: '截止',
    after: /(?:日期|时间|期限|时限|日$|[。；;，,！!]|$)/y,
    reason: '“截至”后面必须带时间词语；表示到期停止、或作“日期、时间”的定语时应作“截止”',
    source: `${XIANHAN7}“截至”条：截止到（某个时候）；“截止”条：（到一定期限）停止`,
    strength: 'error',
  },
  {
    id: '渡过→度过',
    found: '渡过',
    suggestion: '度过',
    after: /(?:了|过)?(?:[一二两三四五六七八九十几数百千]+[个]?|这|那|一段|愉快|快乐|幸福|难忘|美好|充实|平凡|有意义)*的?(?:假期|暑假|寒假|节日|春节|国庆|童年|青春|少年|晚年|一生|半生|余生|岁月|时光|光阴|日子|一天|一年|夜晚|周末|假日|生日|学期|时期|阶段|[天年月]|年华|生涯)/y,
    notAfter: /(?:了|过)?(?:[^，。；]{0,6})?难关/y,
    reason: '用于时间（假期、岁月、一生……）应作“度过”；“渡过”用于江河或难关',
    source: `${XIANHAN7}“度”条：过（指时间），如欢度春节、虚度年华；“渡”条：由这一岸到那一岸，通过（渡过难关）`,
    strength: 'error',
  },
  {
    id: '度过→渡过',
    found: '度过',
    suggestion: '渡过',
    after: /(?:了|过)?(?:这个|这一|一个|一道|一道道|重重|道道|种种|各种|一次次)?(?:难关|险关|危机|长江|黄河|大河|江河|海峡|河流)/y,
    reason: '越过难关、江河应作“渡过”（渡过难关）；“度过”用于时间',
    source: `${XIANHAN7}“渡”条例“渡过难关”；“度”条：过（指时间）`,
    strength: 'error',
  },
  {
    id: '权力→权利',
    found: '权力',
    suggestion: '权利',
    after: /(?:和|与|及|、|以及)(?:应尽的|应当履行的|应履行的|法定)?义务/y,
    before: /义务(?:和|与|及|、|以及)(?:应有的|应当享有的|应享有的|合法|法定)?$/,
    reason: '与“义务”相对的是“权利”（依法享有的权力和利益）；“权力”指支配、指挥的力量',
    source: `${XIANHAN7}“权利”条：公民或法人依法行使的权力和享受的利益（跟“义务”相对）；“权力”条：政治上的强制力量；职责范围内的支配力量`,
    strength: 'error',
  },
  {
    id: '权利→权力',
    found: '权利',
    suggestion: '权力',
    after: /(?:寻租|运行|清单|下放|过分集中|集中|腐败|关进|制约|滥用|边界|任性|监督)/y,
    before: /(?:滥用|公共|规范|监督|制约|约束|手中的?|掌握)$/,
    notBefore: /(?:公民的?|群众的?|合法|民主|平等的?|基本|正当|知情|依法享有的?|享有的?|维护|保障|保护)$/,
    reason: '指支配、管理的力量（权力运行、滥用权力、把权力关进制度的笼子）应作“权力”',
    source: `${XIANHAN7}“权力”条：政治上的强制力量；职责范围内的支配力量；“权利”条：依法行使的权力和享受的利益`,
    strength: 'error',
  },
  {
    id: '必需→必须',
    found: '必需',
    suggestion: '必须',
    after: /(?:要|把|坚持|加强|做到|始终|认真|严格|进一步|切实|牢固|牢牢|高度|深入|全面|不断|从|以|在|按照|依法|遵守|服从|树立|提高|增强|落实|强化|保持|注意|重视|抓好|做好|着力|立足|紧紧)/y,
    notAfter: /品/y,
    reason: '用在动词前表示“一定要”的是副词“必须”；“必需”是动词，指不可缺少（生活必需品）',
    source: `${XIANHAN7}“必须”条：副词，表示事理上和情理上必要，一定要；“必需”条：动词，一定得有，不可少`,
    strength: 'error',
  },
  {
    id: '必须→必需',
    found: '必须',
    suggestion: '必需',
    after: /(?:品|的(?:物资|资金|条件|设备|物品|费用))/y,
    reason: '指不可缺少的物品、条件时应作“必需”（必需品、必需的物资）',
    source: `${XIANHAN7}“必需”条：一定得有，不可少（必需品）；“必须”条：副词，一定要`,
    strength: 'error',
  },
  {
    id: '反应→反映',
    found: '反应',
    suggestion: '反映',
    after: /(?:了|过|出)?(?:群众的?|职工的?|基层的?|社情)?(?:问题|情况|诉求|意见|心声|呼声|民意|建议)/y,
    before: /(?:向上级|向领导|向组织|如实|及时|据群众|群众|职工|据)$/,
    notBefore: /(?:化学|过敏|不良|连锁|强烈|迅速|快速)$/,
    reason: '把情况、意见告诉上级或有关部门应作“反映”；“反应”指受刺激后引起的变化或活动',
    source: `${XIANHAN7}“反映”条：把客观情况或别人的意见等告诉上级或有关部门；“反应”条：有机体受到刺激而引起的相应活动；事情所引起的意见、态度或行动`,
    strength: 'error',
  },
  {
    id: '起用→启用',
    found: '起用',
    suggestion: '启用',
    after: /(?:了)?(?:新的?)?(?:系统|平台|印章|公章|新址|设备|账户|帐户|程序|模块|场地|大楼|办公楼|机房|网站|软件|功能|版本|流程)/y,
    reason: '开始使用物品、设施应作“启用”；“起用”指任用人',
    source: `${XIANHAN7}“启用”条：开始使用；“起用”条：重新任用已退职或免职的官员，泛指提拔使用`,
    strength: 'error',
  },
  {
    id: '启用→起用',
    found: '启用',
    suggestion: '起用',
    after: /(?:了)?(?:一批|一些|大批|优秀|年轻|新)*(?:干部|人才|新人|人员|同志|骨干)/y,
    reason: '任用、提拔人应作“起用”；“启用”指开始使用物品、设施',
    source: `${XIANHAN7}“起用”条：重新任用已退职或免职的官员，泛指提拔使用；“启用”条：开始使用`,
    strength: 'error',
  },
];
