import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/lint/lint';

const found = (text: string) => lintText(text, { only: ['placeholder'] }).map((f) => text.slice(f.start, f.end));

test('placeholder: template leftovers of every common form are flagged', () => {
  assert.deepEqual(found('XX党委书记述职：组织学习xx次，培训**人次，覆盖率***%。'), ['XX', 'xx', '**', '***']);
  assert.deepEqual(found('开展活动x次、x名同志参加，完成率达xx.xx％。'), ['x', 'x', 'xx.xx']);
  assert.deepEqual(found('××局某某同志在〇〇会议上发言。'), ['××', '某某', '〇〇']);
  assert.deepEqual(found('先后*次召开会议研究推动*机关党建工作，于*月*日完成。'), ['*', '*', '*', '*']);
  assert.deepEqual(found('严格按照“*+*”要求组织活动。'), ['*', '*']);
  assert.deepEqual(found('这里还有TODO要写。'), ['TODO']);
  assert.deepEqual(found('姓名：[ ]，单位：【】，（待补充：写明主要工作）'), ['[ ]', '【】', '（待补充：写明主要工作）']);
});

test('placeholder: words, figures, years, emphasis, code and links that only look alike stay quiet', () => {
  assert.deepEqual(found('购置Xbox和XXL号服装，面积3×4米，做了X光检查。'), []);
  assert.deepEqual(found('二〇〇八年以来，某单位坚持学习。'), []);
  assert.deepEqual(found('**一是加强学习。**我们*认真*落实。'), []);
  assert.deepEqual(found('见 `xx次` 和 [网站](https://example.com/xx) 以及 https://a.cn/XX 。'), []);
  assert.deepEqual(found('Next step: export the xx file.'), []);
});

test('placeholder: the message says whether a figure or a name is missing', () => {
  const [figure] = lintText('组织学习xx次。', { only: ['placeholder'] });
  assert.match(figure.message, /数字/);
  const [name] = lintText('XX党委召开会议。', { only: ['placeholder'] });
  assert.match(name.message, /内容/);
  assert.equal(figure.severity, 'warning');
});
