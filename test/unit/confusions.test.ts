import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONFUSIONS } from '../../server/src/engine/review/confusionData';
import { findConfusions, injectConfusion } from '../../server/src/engine/review/confusions';
import { prng } from '../helpers/prng';

const rules = (text: string) => findConfusions(text).map((s) => `${text.slice(s.start, s.end)}→${s.suggestion}`);

/** Each text with what findConfusions should say, `found→suggestion` in order; [] when the context does not settle it. */
const CASES: Record<string, [string, string[]][]> = {
  '截止 before a time expression is 截至; after a time, before 日期 or with 到 it stays': [
    ['截止2024年底，全县完成投资3亿元。', ['截止→截至']],
    ['截止目前，已整改问题12个。', ['截止→截至']],
    ['截止今年6月，累计培训干部300人次。', ['截止→截至']],
    ['报名于6月30日截止。', []],
    ['申报截止日期为6月30日。', []],
    ['截止到6月底，共走访群众500户。', []],
    ['截至2024年底，全县完成投资3亿元。', []],
  ],
  '截至 with no time after it is 截止': [
    ['申报截至日期为6月30日。', ['截至→截止']],
    ['报名已于昨日截至。', ['截至→截止']],
    ['截至目前，已整改问题12个。', []],
  ],
  '度过 for time, 渡过 for 难关 and rivers': [
    ['和同事们一起渡过了一个难忘的春节。', ['渡过→度过']],
    ['在基层渡过了三年时光。', ['渡过→度过']],
    ['带领企业度过难关。', ['度过→渡过']],
    ['带领企业渡过难关，度过了最困难的一年。', []],
    ['渡过了最困难的难关，度过困难时期。', []],
  ],
  '权利 goes with 义务, 权力 with 运行 and 手中的': [
    ['明确党员的权力和义务。', ['权力→权利']],
    ['既履行义务，也享有义务和权力。', ['权力→权利']],
    ['规范权利运行，管好手中的权利。', ['权利→权力', '权利→权力']],
    ['不得滥用民事权利，维护公民的监督权利。', []],
    ['保障群众的合法权利，规范权力运行。', []],
    ['依法享有的权利受到监督保护。', []],
    ['权利和义务相统一。', []],
  ],
  '必须 before a verb, 必需 for what cannot be done without': [
    ['必需坚持党的全面领导。', ['必需→必须']],
    ['为群众送去生活必须品。', ['必须→必需']],
    ['必须坚持党的全面领导，保障生活必需品供应。', []],
    ['必需坚持问题导向，截止目前已整改12项。', ['必需→必须', '截止→截至']],
  ],
  '反映 problems upward, 启用 things, 起用 people': [
    ['及时向上级反应群众诉求。', ['反应→反映']],
    ['市场反应迅速，群众反映强烈。', []],
    ['出现过敏反应情况。', []],
    ['年内起用新系统。', ['起用→启用']],
    ['大胆启用年轻干部。', ['启用→起用']],
    ['大胆起用年轻干部，启用新系统，启用干部管理系统。', []],
  ],
  '以致 for a bad result, never 以致于': [
    ['工作不细，以至造成损失。', ['以至→以致']],
    ['工作不细，以致于出现偏差。', ['以致于→以至于']],
    ['县、乡以至村，层层落实；他专心工作，以至于忘了下班。', []],
  ],
  '纪律检查, 纪检监察, 人民检察院, 干部考察 as the Party rules and the law name them': [
    ['向纪律检察委员会报告。', ['检察→检查']],
    ['配合纪检检察机关工作。', ['检察→监察']],
    ['与县人民检查院联合开展警示教育。', ['检查院→检察院']],
    ['接受组织考查干部，配合考查组谈话。', ['考查→考察', '考查→考察']],
    ['纪律检查委员会、纪检监察机关、人民检察院、检察机关、检查院落卫生、检察委员会。', []],
    ['考查学生的综合能力，考查组织协调能力。', []],
  ],
  '形式 is a form (形式主义, 流于形式), 形势 a state of affairs (当前形势, 形势严峻)': [
    ['坚决反对形势主义，防止学习流于形势。', ['形势→形式', '形势→形式']],
    ['准确把握当前形式，形式严峻复杂。', ['形式→形势', '形式→形势']],
    ['活动形式多样，当前形势严峻，反对形式主义，采取新的形式。', []],
  ],
  '法治思维, 法治国家, 法治政府 (依法治理); 法制 is the legal system': [
    ['运用法制思维和法制方式，建设法制政府。', ['法制→法治', '法制→法治', '法制→法治']],
    ['健全法制建设，加强法制宣传，维护社会主义法制，法制社会主义', []],
  ],
  '作 before abstract objects and two-syllable verbs (a preference)': [
    ['对网络舆情做出积极回应。', ['做出→作出']],
    ['会上做报告。', ['做→作']],
    ['把问题当做处理重点，做出样品，做好工作。', []],
  ],
};

for (const [name, cases] of Object.entries(CASES)) {
  test(`confusions: ${name}`, () => {
    for (const [text, want] of cases) assert.deepEqual(rules(text), want, text);
  });
}

test('confusions: every rule of the data has a case above where it fires', () => {
  const fired = new Set(Object.values(CASES).flatMap((cases) => cases.flatMap(([text]) => findConfusions(text).map((s) => s.rule))));
  assert.deepEqual(CONFUSIONS.map((r) => r.id).filter((id) => !fired.has(id)), []);
});

test('confusions: errorsOnly leaves the preferences out', () => {
  assert.deepEqual(findConfusions('做出决定，截止目前。', { errorsOnly: true }).map((s) => s.rule), ['截止→截至']);
  assert.equal(findConfusions('做出决定', {})[0].strength, 'preference');
});

test('confusions: suspects carry offsets, suggestion, reason and source; bad input gives none', () => {
  const text = '一、截止目前';
  const [s] = findConfusions(text);
  assert.equal(text.slice(s.start, s.end), '截止');
  assert.equal(s.found, '截止');
  assert.equal(s.suggestion, '截至');
  assert.match(s.source, /现代汉语词典/);
  assert.ok(s.reason.length > 5);
  assert.deepEqual(findConfusions(''), []);
  assert.deepEqual(findConfusions(undefined as unknown as string), []);
  assert.deepEqual(findConfusions(text, { only: ['权力→权利'] }), []);
});

test('confusions: every rule names its source and a distinct pair', () => {
  const ids = new Set<string>();
  for (const r of CONFUSIONS) {
    assert.ok(r.source.length > 10, r.id);
    assert.equal(r.id, `${r.found}→${r.suggestion}`);
    assert.ok(!ids.has(r.id));
    ids.add(r.id);
  }
});

test('confusions: injectConfusion swaps a right word where the context settles it, and findConfusions finds it', () => {
  const text = '截至目前，共培训干部200人次，必须坚持问题导向，依法保障党员权利和义务，维护群众合法权利。';
  const seen = new Set<string>();
  const rng = prng(5);
  for (let i = 0; i < 50; i++) {
    const inj = injectConfusion(text, rng)!;
    assert.ok(inj);
    assert.equal(text.slice(inj.start, inj.end), inj.original);
    assert.equal(inj.text.slice(inj.start, inj.end), inj.injected);
    const found = findConfusions(inj.text);
    assert.deepEqual(found.map((s) => [s.start, s.suggestion]), [[inj.start, inj.original]]);
    seen.add(inj.rule);
  }
  assert.deepEqual([...seen].sort(), ['必须→必需', '截至→截止', '权利→权力'].map((x) => x.split('→').reverse().join('→')).sort());
  assert.equal(injectConfusion('没有可替换的词。', prng(1)), undefined);
  assert.equal(injectConfusion('', prng(1)), undefined);
  // errorsOnly: a 作 that only a preference rule would swap is left alone.
  assert.equal(injectConfusion('会上作报告。', prng(1))?.rule, '做→作');
  assert.equal(injectConfusion('会上作报告。', prng(1), { errorsOnly: true }), undefined);
});
