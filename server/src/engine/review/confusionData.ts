/**
 * Whole-word confusions (易混词): pairs where both spellings are words, so a lexicon cannot tell a
 * slip from the intended word; only the neighbouring words can. Each rule fires on `found` only
 * when its context holds, and names the usage note or standard that decides it. Precision first:
 * a context goes in only when it settles the choice; rules were run over the bundled corpus
 * (test/unit/confusions.test.ts lists what they find there).
 *
 * Context patterns are tested on the text right after `found` (`after`, anchored at its end) and
 * right before it (`before`, anchored at its start, so write them ending in `$`). A rule with
 * neither is settled by the word itself (以致于 is never right).
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
    reason: '后面接时间时应作“截至”（截止到某时）；“截止”表示到期停止，放在时间之后',
    source: `${XIANHAN7}“截至”：截止到（某个时候），例“报名日期截至本月底”；“截止”：（到一定期限）停止，例“报名在昨天已经截止”。《现代汉语规范词典》“截止”条提示：跟“截至”不同`,
    strength: 'error',
  },
  {
    id: '截至→截止',
    found: '截至',
    suggestion: '截止',
    after: /(?:日期|时间|期限|时限|[。；;，,！!]|$)/y,
    reason: '“截至”后面必须带时间词语；表示到期停止，或作“日期、时间”的定语时应作“截止”',
    source: `${XIANHAN7}“截至”：截止到（某个时候）；“截止”：（到一定期限）停止`,
    strength: 'error',
  },
  {
    id: '渡过→度过',
    found: '渡过',
    suggestion: '度过',
    after:
      /(?:了|过)?(?:[这那一二两三四五六七八九十几数]+个?|一段|愉快|快乐|幸福|难忘|美好|充实|平凡|有意义)*的?(?:假期|暑假|寒假|节日|春节|国庆|童年|青春|少年|晚年|一生|半生|余生|岁月|时光|光阴|日子|夜晚|周末|假日|生日|学期|年华|生涯)|(?:了|过)?[0-9一二两三四五六七八九十几数百千]+个?[天年月]/y,
    reason: '用于时间（假期、岁月、一生……）应作“度过”；“渡过”用于江河或难关',
    source: `${XIANHAN7}“渡”条用例“渡过难关”；动词“度”用于时间（度过假期、欢度国庆、度日如年），“渡”用于空间（渡过长江）。“度过困难时期”一类说法各家意见不一，不检查`,
    strength: 'error',
  },
  {
    id: '度过→渡过',
    found: '度过',
    suggestion: '渡过',
    after: /(?:了|过)?(?:这个|这一|一个|一道|一道道|重重|道道|一次次)?(?:难关|险关|长江|黄河|大河|江河|海峡)/y,
    reason: '越过难关、江河应作“渡过”（渡过难关）；“度过”用于时间',
    source: `${XIANHAN7}“渡”条用例“渡过难关”；“度”用于时间`,
    strength: 'error',
  },
  {
    id: '权力→权利',
    found: '权力',
    suggestion: '权利',
    after: /(?:和|与|及|、|以及)(?:应尽的|应当履行的|应履行的|法定)?义务/y,
    before: /义务(?:和|与|及|、|以及)(?:应有的|应当享有的|应享有的|合法|法定)?$/,
    reason: '与“义务”相对的是“权利”；“权力”指职责范围内的指挥、支配力量',
    source:
      '徐蕊《“权利”与“权力”辨》（《中国科技术语》2017年第2期）：“权利”与法律义务相对应；《现代汉语词典》“权力”：职责范围内的指挥或支配力量',
    strength: 'error',
  },
  {
    id: '权利→权力',
    found: '权利',
    suggestion: '权力',
    after: /(?:寻租|运行|下放|过分集中|腐败|关进|任性)/y,
    before: /(?:手中的?|掌握的?|公共)$/,
    reason: '指职责范围内的指挥、支配力量（权力运行、权力寻租、把权力关进制度的笼子）应作“权力”',
    source:
      '《现代汉语词典》“权力”：职责范围内的指挥或支配力量；徐蕊《“权利”与“权力”辨》（《中国科技术语》2017年第2期）：“权利”与法律义务相对应',
    strength: 'error',
  },
  {
    id: '必需→必须',
    found: '必需',
    suggestion: '必须',
    after:
      /(?:要|把|坚持|加强|做到|始终|认真|严格|进一步|切实|牢固|牢牢|高度|深入|全面|不断|按照|依法|遵守|服从|树立|提高|增强|落实|强化|保持|注意|重视|抓好|做好|着力|立足|紧紧)/y,
    reason: '用在动词前表示“一定要”的是副词“必须”；“必需”是动词，指一定得有、不可缺少（必需品）',
    source: `${XIANHAN7}“必须”：表示事理上和情理上的必要，一定要（副词）；“必需”：一定得有，不可缺少（动词，作定语或谓语：必需品）`,
    strength: 'error',
  },
  {
    id: '必须→必需',
    found: '必须',
    suggestion: '必需',
    after: /(?:品|的(?:物资|资金|条件|设备|物品|费用|原料))/y,
    reason: '指一定得有、不可缺少的物品或条件时应作“必需”（必需品、必需的物资）',
    source: `${XIANHAN7}“必需”：一定得有，不可缺少（必需品）；“必须”：副词，一定要`,
    strength: 'error',
  },
  {
    id: '反应→反映',
    found: '反应',
    suggestion: '反映',
    after: /(?:了|过|出)?(?:群众的?|职工的?|基层的?|社情)?(?:问题|情况|诉求|意见|心声|呼声|民意)/y,
    before: /(?:向上级|向领导|向组织|向有关部门|如实|据群众)$/,
    notBefore: /(?:化学|过敏|不良|连锁|强烈|迅速|快速|应激|排异)$/,
    reason: '把情况、意见等告诉上级或有关部门应作“反映”；“反应”指受刺激后引起的活动，或事情引起的意见、态度',
    source: '杜永道《如何区分“反应”与“反映”》（《语言文字报》第476期，2014年10月27日）：“反映”可带宾语，指把情况、意见等告诉上级或有关部门；“反应”一般不带宾语',
    strength: 'error',
  },
  {
    id: '起用→启用',
    found: '起用',
    suggestion: '启用',
    after: /(?:了)?(?:新的?)?(?:系统|平台|印章|公章|新址|设备|账户|帐户|程序|模块|场地|大楼|办公楼|机房|网站|软件|功能|版本|流程)/y,
    reason: '开始使用物品、设施应作“启用”；“起用”指任用人',
    source: '《国语辞典》（台湾教育部）“启用”：开始使用（这栋大楼将于下个月正式启用）；“起用”：恢复任用已退休或革职的人员，提拔、任用（不断起用新人）',
    strength: 'error',
  },
  {
    id: '启用→起用',
    found: '启用',
    suggestion: '起用',
    after: /(?:了)?(?:一批|一些|大批|优秀|年轻|新)*(?:干部|人才|新人|同志|骨干)(?![管人档信系平库考数])/y,
    reason: '任用、提拔人应作“起用”；“启用”指开始使用物品、设施',
    source:
      '《国语辞典》（台湾教育部）“起用”：提拔、任用（不断起用新人）；台北市教育局《常用国字正误用简明对照表》第86条：“起用新人”误作“启用新人”',
    strength: 'error',
  },
  {
    id: '以至→以致',
    found: '以至',
    suggestion: '以致',
    after: /(?:造成|酿成|导致|出现了?(?:严重|重大)?(?:问题|失误|错误|事故|损失|偏差)|犯了?(?:严重的?)?错误|失败|违纪|违法|延误|贻误)/y,
    reason: '引出不好的结果（造成损失、出现失误）应作“以致”；“以至”表示程度、范围的延伸',
    source:
      '《现代汉语词典》（第5版）“以致”：用在下半句开头，表示下文是上述的原因所形成的结果，多指不好的结果；杜永道答读者问《“以至”和“以致”》（人民日报海外版）',
    strength: 'error',
  },
  {
    id: '以致于→以至于',
    found: '以致于',
    suggestion: '以至于',
    reason: '“以至”后面可以带“于”，“以致”不能：应作“以至于”或“以致”',
    source: '唐惠芬、张志达《“以致”和“以至”》（《语文月刊》2005年第6期）：“以至”后可以带介词“于”，“以致”则不能',
    strength: 'error',
  },
  {
    id: '检察→检查',
    found: '检察',
    suggestion: '检查',
    before: /纪律$/,
    reason: '党的纪律检查机关、纪律检查委员会用“检查”；“检察”指人民检察院的法律监督',
    source: '《中国共产党章程》第八章“党的纪律检查机关”：党的中央纪律检查委员会、地方各级纪律检查委员会',
    strength: 'error',
  },
  {
    id: '检察→监察',
    found: '检察',
    suggestion: '监察',
    before: /纪检$/,
    reason: '纪委与监委合署办公，称“纪检监察”（纪检监察机关、纪检监察干部）',
    source: '《中华人民共和国监察法》（2018）第三条：各级监察委员会是行使国家监察职能的专责机关；《中国共产党章程》第八章：党的纪律检查机关',
    strength: 'error',
  },
  {
    id: '检查院→检察院',
    found: '检查院',
    suggestion: '检察院',
    before: /(?:人民|[省市县区]级?)$/,
    reason: '法律监督机关是“人民检察院”',
    source: '《党政领导干部选拔任用工作条例》第四条等党内法规、《中华人民共和国宪法》：人民法院、人民检察院',
    strength: 'error',
  },
  {
    id: '考查→考察',
    found: '考查',
    suggestion: '考察',
    after: /(?:干部|拟任人选|人选|组(?![织合成建])|预告|谈话)/y,
    before: /(?:干部|任前|延伸|派出)$/,
    reason: '选拔任用干部的程序是“考察”（考察组、考察对象、干部考察预告）；“考查”指用一定标准检查衡量（考查学生）',
    source: '《党政领导干部选拔任用工作条例》（2019）第五章“考察”：组织考察组，发布干部考察预告，考察对象',
    strength: 'error',
  },
  {
    id: '形势→形式',
    found: '形势',
    suggestion: '形式',
    after: /(?:主义|多样|单一|多种多样)/y,
    before: /流于$/,
    reason: '指事物的外在样式（形式主义、流于形式、形式多样）应作“形式”；“形势”指事物的发展状况',
    source:
      '“四风”：形式主义、官僚主义、享乐主义和奢靡之风（2013年4月19日中共中央政治局会议部署党的群众路线教育实践活动；蒋夏潞、姚宏志对“四风”研究的述评）；《国语辞典》（台湾教育部）“形式”：外观、外形，事物形态的直接表现（相对于内容）',
    strength: 'error',
  },
  {
    id: '形式→形势',
    found: '形式',
    suggestion: '形势',
    after: /(?:严峻|逼人|所迫|喜人|向好|复杂严峻)/y,
    before: /(?:当前|当下|目前|国际|国内|面临的|严峻的)$/,
    reason: '指事物的发展状况（当前形势、形势严峻）应作“形势”；“形式”指外在样式',
    source: '“形势”：事物的发展状况，区别于“形式”（词典释义，见百科词条“形势”）；《国语辞典》（台湾教育部）“形式”：外观、外形，事物形态的直接表现',
    strength: 'error',
  },
  {
    id: '法制→法治',
    found: '法制',
    suggestion: '法治',
    after: /(?:思维|方式|国家|政府|中国|社会(?!主义))/y,
    reason: '法治思维、法治方式、法治国家、法治政府、法治中国用“法治”（依法治理）；“法制”指法律制度',
    source:
      '党的十五大报告（1997）：建设社会主义法治国家；十八届四中全会《中共中央关于全面推进依法治国若干重大问题的决定》（2014）：法治思维和法治方式、法治中国；《中华人民共和国宪法修正案》（2018）将序言“健全社会主义法制”改为“健全社会主义法治”',
    strength: 'error',
  },
  {
    id: '做出→作出',
    found: '做出',
    suggestion: '作出',
    after:
      /(?:了)?(?:重要|重大|积极|突出|更大|应有|新的|明确|科学|正确|全面|具体|专门|相应|书面)?的?(?:贡献|决定|决策|部署|安排|承诺|规定|批示|指示|判断|结论|评价|回应|答复|解释|说明|选择|处理|调整|努力)/y,
    reason: '抽象意义、书面语色彩较重的词语多写成“作”：作出决定、作出部署、作出贡献',
    source: '《现代汉语规范词典》“作”“做”提示：抽象意义的词语、书面语色彩较重的词语多写成“作”，后面是双音节动词时一般也写成“作”（作处理、作调查）；表示具体东西的制造多写成“做”',
    strength: 'preference',
  },
  {
    id: '做→作',
    found: '做',
    suggestion: '作',
    after: /(?:处理|调查|分析|部署|说明|解释|报告|汇报|总结|发言|批示|表态|交代|检讨|答复|结论)/y,
    notBefore: /[当看叫比称用算化读写换认改]$/,
    reason: '后面是双音节动词时一般写成“作”：作处理、作调查、作报告',
    source: '《现代汉语规范词典》“作”“做”提示：后面是双音节动词时，一般写成“作”（作处理、作调查）',
    strength: 'preference',
  },
];
