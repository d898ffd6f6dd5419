import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';

const run = (text: string) => lintText(text, { only: ['quote-unbalanced'] });
const found = (text: string) => run(text).map((f) => text.slice(f.start, f.end));
const fixOnce = (text: string) => applyEdits(text, run(text)[0].fixes![0].edits);

test('quote-unbalanced: unclosed and stray marks are flagged per paragraph', () => {
  assert.deepEqual(found('严格落实“三会一课制度。'), ['“']);
  assert.deepEqual(found('认真学习《条例，撰写心得。'), ['《']);
  assert.deepEqual(found('召开会议（含视频会议，共3次。'), ['（']);
  assert.deepEqual(found('严格执行中央八项规定”、各项规章制度。'), ['”']);
  // Each paragraph is judged alone: an open mark does not borrow the next line's close.
  assert.deepEqual(found('落实“三会一课\n制度”要求。'), ['“', '”']);
});

test('quote-unbalanced: fixes close or repair the mark and the finding goes away', () => {
  for (const [bad, good] of [
    ['严格落实“三会一课“制度。', '严格落实“三会一课”制度。'],
    ['严格落实”三会一课”制度。', '严格落实“三会一课”制度。'],
    ['认真学习《条例，撰写心得。', '认真学习《条例》，撰写心得。'],
    ['严格执行中央八项规定”、各项规章制度。', '严格执行中央八项规定、各项规章制度。'],
  ]) {
    assert.equal(fixOnce(bad), good);
    assert.deepEqual(run(good), []);
  }
});

test('quote-unbalanced: balanced marks, nested brackets and list markers stay quiet', () => {
  assert.deepEqual(found('落实“三会一课”制度，学习《中国共产党章程》（2022年修订）。'), []);
  assert.deepEqual(found('1）加强学习\n一）狠抓落实\n（一）（二）并列'), []);
  assert.deepEqual(found('网站(共产党员网等）'), [], 'width is the other rule’s business');
});

test('the close fix lands in the right line of a multi-line draft', () => {
  const text = '2024年述职报告\n\n一、履职情况\n\n前面一段很长的文字，没有任何引号问题。\n\n严格落实“三会一课制度，学习条例。\n';
  const findings = lintText(text, {}).filter((f) => f.rule === 'quote-unbalanced');
  assert.equal(findings.length, 1);
  const edit = findings[0].fixes![0].edits[0];
  const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  assert.ok(fixed.includes('严格落实“三会一课制度”，学习条例。'), fixed);
});
