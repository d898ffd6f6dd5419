import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONFUSIONS } from '../../server/src/engine/review/confusionData';
import { findConfusions, injectConfusion } from '../../server/src/engine/review/confusions';
import { prng } from '../helpers/prng';

const rules = (text: string) => findConfusions(text).map((s) => `${text.slice(s.start, s.end)}→${s.suggestion}`);

test('confusions: 截止 before a time expression is 截至; after a time or before 日期 it stays', () => {
  assert.deepEqual(rules('截止2024年底，全县完成投资3亿元。'), ['截止→截至']);
  assert.deepEqual(rules('截止目前，已整改问题12个。'), ['截止→截至']);
  assert.deepEqual(rules('截止今年6月，累计培训干部300人次。'), ['截止→截至']);
  assert.deepEqual(rules('报名于6月30日截止。'), []);
  assert.deepEqual(rules('申报截止日期为6月30日。'), []);
  assert.deepEqual(rules('截止到6月底，共走访群众500户。'), []);
  assert.deepEqual(rules('截至2024年底，全县完成投资3亿元。'), []);
});

test('confusions: 截至 with no time after it is 截止', () => {
  assert.deepEqual(rules('申报截至日期为6月30日。'), ['截至→截止']);
  assert.deepEqual(rules('报名已于昨日截至。'), ['截至→截止']);
  assert.deepEqual(rules('截至目前，已整改问题12个。'), []);
});

test('confusions: 度过 for time, 渡过 for 难关 and rivers', () => {
  assert.deepEqual(rules('和同事们一起渡过了一个难忘的春节。'), ['渡过→度过']);
  assert.deepEqual(rules('在基层渡过了三年时光。'), ['渡过→度过']);
  assert.deepEqual(rules('带领企业度过难关。'), ['度过→渡过']);
  assert.deepEqual(rules('带领企业渡过难关，度过了最困难的一年。'), []);
  assert.deepEqual(rules('渡过了最困难的难关。'), []);
});

test('confusions: 权利 goes with 义务, 权力 with 运行 and 滥用', () => {
  assert.deepEqual(rules('明确党员的权力和义务。'), ['权力→权利']);
  assert.deepEqual(rules('既履行义务，也享有义务和权力。'), ['权力→权利']);
  assert.deepEqual(rules('规范权利运行，防止滥用权利。'), ['权利→权力', '权利→权力']);
  assert.deepEqual(rules('保障群众的合法权利，规范权力运行。'), []);
  assert.deepEqual(rules('依法享有的权利受到监督保护。'), []);
  assert.deepEqual(rules('权利和义务相统一。'), []);
});

test('confusions: 必须 before a verb, 必需 for things that cannot be done without', () => {
  assert.deepEqual(rules('必需坚持党的全面领导。'), ['必需→必须']);
  assert.deepEqual(rules('为群众送去生活必须品。'), ['必须→必需']);
  assert.deepEqual(rules('必须坚持党的全面领导，保障生活必需品供应。'), []);
});

test('confusions: 反映 problems upward, 启用 things, 起用 people', () => {
  assert.deepEqual(rules('及时向上级反应群众诉求。'), ['反应→反映']);
  assert.deepEqual(rules('市场反应迅速，群众反映强烈。'), []);
  assert.deepEqual(rules('出现过敏反应。'), []);
  assert.deepEqual(rules('年内起用新系统。'), ['起用→启用']);
  assert.deepEqual(rules('大胆启用年轻干部。'), ['启用→起用']);
  assert.deepEqual(rules('大胆起用年轻干部，启用新系统。'), []);
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
  const text = '截至目前，共培训干部200人次，必须坚持问题导向，依法保障党员权利和义务。';
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
});
