import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { injectShapeSlip, shapeAlike, shapeAlikes, shapeTableSize } from '../../server/src/engine/review/shapes';
import { prng } from '../helpers/prng';
import { gb2312Chars, generate, levenshtein, render } from '../../server/scripts/genShapes';
import { SHAPE_ENTRIES } from '../../server/src/engine/review/shapeData';
import { SOURCED_PAIRS, TEXTBOOK_PAIRS } from '../fixtures/shapePairs';

test('shapes: the textbook 形近字 groups are found both ways', () => {
  const groups = ['己已巳', '未末', '拨拔', '侯候', '辩辨辫', '人入', '日曰', '戊戌戍', '土士', '免兔', '晴睛', '准淮', '贝见', '历厉', '休体', '景晾', '甲申'];
  for (const g of groups) {
    for (const a of g) for (const b of g) if (a !== b) assert.ok(shapeAlikes(a).includes(b), `${a} → ${b}: ${shapeAlikes(a).join('')}`);
  }
});

test('shapes: a small left radical beside a shared part of about half the strokes (换偏旁: 折/析, 特/持/待/侍)', () => {
  const pairs = ['折析', '特持', '待持', '侍待', '侍持', '待特', '拦栏', '抢枪', '技枝', '姑枯', '伶怜'];
  for (const [a, b] of pairs) assert.ok(shapeAlikes(a).includes(b) && shapeAlikes(b).includes(a), `${a} / ${b}: ${shapeAlikes(a).join('')} | ${shapeAlikes(b).join('')}`);
});

test('shapes: nested layouts are read part by part (幕 艹·旲·巾 / 募 艹·旲·力, 竞 立·口·儿 / 竟 立·日·儿)', () => {
  for (const [a, b] of ['幕募', '慕暮', '慕募', '墓募', '竞竟']) assert.ok(shapeAlike(a, b), `${a} / ${b}: ${shapeAlikes(a).join('')} | ${shapeAlikes(b).join('')}`);
});

test('shapes: below two thirds, only a left radical beside a shared part of 4+ strokes counts (not 种/科, 扛/红, 守/穴)', () => {
  for (const [a, b] of ['种科', '扛红', '守穴', '句石', '祁视', '旭间']) assert.ok(!shapeAlike(a, b), `${a} / ${b}`);
});

test('shapes: the table covers most well-known 形近字 pairs (held-out list, test/fixtures/shapePairs.ts)', () => {
  const all = [...SOURCED_PAIRS, ...TEXTBOOK_PAIRS];
  const covered = all.filter(([a, b]) => shapeAlike(a, b)).length;
  // 58 of 130 before the 换偏旁 and nested-layout rules, 83 with them.
  assert.ok(covered / all.length >= 0.6, `${covered} of ${all.length}`);
});

test('shapes: sharing only a radical, or the same strokes in another layout, is not alike', () => {
  const apart = ['蚱蜓', '叶甲', '一丁', '工三', '钰钳', '跌跟', '走赳', '钡铂', '蚊蛴', '艾芝', '昂易', '办小', '百皆', '爸色'];
  for (const [a, b] of apart) assert.ok(!shapeAlike(a, b), `${a} / ${b}`);
  assert.ok(shapeAlike('己', '已') && shapeAlike('已', '己') && !shapeAlike('己', '己'));
});

test('shapes: the closest comes first, and the list stays a handful', () => {
  assert.equal(shapeAlikes('己')[0], '已');
  assert.equal(shapeAlikes('未')[0], '末');
  assert.equal(shapeAlikes('戌')[0], '戊');
  let max = 0;
  const common = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';
  for (const ch of common) max = Math.max(max, shapeAlikes(ch).length);
  assert.ok(max <= 8, `at most eight alikes, got ${max}`);
});

test('shapes: the table is symmetric, so every slip injectShapeSlip makes can be taken back', () => {
  const chars = new Set(SHAPE_ENTRIES.flatMap((line) => line.split(' ').map((e) => [...e][0])));
  let pairs = 0;
  for (const a of chars) {
    for (const b of shapeAlikes(a)) {
      pairs++;
      assert.ok(shapeAlikes(b).includes(a), `${a} → ${b} but not back`);
    }
  }
  assert.ok(pairs > 4000, `${pairs}`);
});

test('shapes: anything but one known character has no alikes', () => {
  assert.deepEqual(shapeAlikes(''), []);
  assert.deepEqual(shapeAlikes('己已'), []);
  assert.deepEqual(shapeAlikes('a'), []);
  assert.deepEqual(shapeAlikes('，'), []);
  assert.ok(!shapeAlikes('己').includes('己'));
});

test('shapes: the table covers thousands of characters and is small', () => {
  const n = shapeTableSize();
  assert.ok(n > 2500 && n < 6763, `characters with an alike: ${n}`);
  const bytes = fs.statSync(path.join(__dirname, '../../server/src/engine/review/shapeData.ts')).size;
  assert.ok(bytes < 64 * 1024, `table bytes ${bytes}`);
});

test('shapes: injectShapeSlip replaces exactly one character by one of its alikes, reproducibly', () => {
  const a = injectShapeSlip('已经', prng(7));
  const b = injectShapeSlip('已经', prng(7));
  assert.deepEqual(a, b);
  assert.ok(a);
  assert.equal(a.word.length, 2);
  assert.equal(a.from, '已经'[a.index]);
  assert.ok(shapeAlikes(a.from).includes(a.to));
  assert.equal(a.word, '已经'.slice(0, a.index) + a.to + '已经'.slice(a.index + 1));
  // Every option is reachable: over many draws both characters' alikes show up.
  const seen = new Set<string>();
  const rng = prng(1);
  for (let i = 0; i < 200; i++) seen.add(injectShapeSlip('未来', rng)!.word);
  for (const to of shapeAlikes('未')) assert.ok(seen.has(to + '来'), `${to}来 never drawn`);
});

test('shapes: injectShapeSlip honours accept and says when nothing fits', () => {
  assert.equal(injectShapeSlip('abc', prng(1)), undefined);
  assert.equal(injectShapeSlip('已经', prng(1), () => false), undefined);
  const only = injectShapeSlip('已经', prng(3), (w) => w === '己经');
  assert.equal(only?.word, '己经');
});

test('shapes: the committed table is what server/scripts/genShapes.ts generates from its sources', () => {
  const { table } = generate();
  const committed = fs.readFileSync(path.join(__dirname, '../../server/src/engine/review/shapeData.ts'), 'utf8');
  assert.equal(committed, render(table), 'shapeData.ts is stale: run node --import tsx server/scripts/genShapes.ts');
  assert.match(committed, /\/\*! [^]*theajack[^]*Gavin Grover[^]*MIT License/, 'the licence notice survives bundling as a legal comment');
});

test('shapes: GB 2312 gives 6,763 characters, 3,755 of them level 1, in code order', () => {
  const chars = gb2312Chars();
  assert.equal(chars.length, 6763);
  assert.equal(chars.filter((c) => c.level === 1).length, 3755);
  assert.equal(chars[0].ch, '啊');
  assert.equal(chars[3754].ch, '座');
  assert.equal(chars[6762].ch, '齄');
});

test('shapes: stroke distance counts near strokes as half and stops above its bound', () => {
  assert.equal(levenshtein('jfj', 'jfj', 3), 0);
  assert.equal(levenshtein('jjf', 'jjg', 3), 0.5); // 竖 / 竖钩
  assert.equal(levenshtein('jsysk', 'jskysk', 3), 1);
  assert.equal(levenshtein('jjf', 'sjf', 3), 1);
  assert.ok(levenshtein('jjjjjjjj', 'ffffffff', 2) > 2);
});
