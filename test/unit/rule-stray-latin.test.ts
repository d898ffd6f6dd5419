import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';

const run = (text: string) => lintText(text, { only: ['stray-latin'] });
const found = (text: string) => run(text).map((f) => text.slice(f.start, f.end));

test('stray-latin: single letters glued inside Chinese are flagged', () => {
  assert.deepEqual(found('加强政治i理论学习，开展环境整治i。认真学习中Y八项规定精神'), ['i', 'i', 'Y']);
  const text = '加强政治i理论学习';
  assert.equal(applyEdits(text, run(text)[0].fixes![0].edits), '加强政治理论学习');
});

test('stray-latin: acronyms, common compounds, units and placeholders stay quiet', () => {
  assert.deepEqual(found('使用APP和PPT，推进AI应用，GDP增长，建成MOOC平台。'), []);
  assert.deepEqual(found('创建A级景区，开展B超检查，加入QQ群，争创乡村aaaa级旅游景区。'), []);
  assert.deepEqual(found('修建道路3.6km，组织学习xx次，XX党委。'), []);
  assert.deepEqual(found('使用iPad和e路通平台。'), []);
});
