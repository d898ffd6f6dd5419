/**
 * The CLI's check-up page in a real browser (headless Chromium through playwright-core): a
 * hostile corpus folder — headings with `<script>` and `command:` links — shows as text, no
 * script runs, no link is made, and the page follows the system's light or dark scheme.
 * Screenshots: test-results/cli/dashboard-{light,dark}.png. Skipped where Chromium is not installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { writeDashboardHtml } from '../../server/src/cli/dashboardHtml';
import { loadCorpus } from '../../server/src/engine/corpus/corpus';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { tempDir } from '../helpers/tmp';

const CHROMIUM = process.env.SHUZHI_E2E_CHROMIUM ?? '/usr/bin/chromium';
const skip = fs.existsSync(CHROMIUM) ? false : `跳过：未安装 Chromium（${CHROMIUM}），无法在浏览器中打开体检页`;
const RESULTS = path.resolve(__dirname, '../../test-results/cli');

const body = (n: number) => '　　' + '认真落实各项工作要求，推动任务落地见效，全年完成项目12个。'.repeat(n);

test('CLI check-up page in Chromium: a hostile corpus shows as text, nothing runs, light and dark', { skip }, async (t) => {
  const dir = tempDir(t, 'shuzhi-dash-page-');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const corpusDir = path.join(dir, 'corpus');
    fs.mkdirSync(corpusDir);
    for (let i = 0; i < 3; i++) {
      fs.writeFileSync(
        path.join(corpusDir, `r${i}.txt`),
        [
          `<script>window.pwned=1</script>第${i}单位干部年度述职报告`,
          '一、履职情况',
          body(12),
          '二、存在的问题',
          '　　理论学习不够深入，工作方法有待改进。',
          '三、原因分析<script>',
          '　　主观努力不够。',
          '四、[下一步](command:q)',
          '　　继续加强学习，提高工作质量。',
        ].join('\n'),
      );
    }
    const { reports } = await loadCorpus({ paths: [corpusDir], useBundled: false, maxFileSizeBytes: 1 << 20 });
    assert.equal(reports.length, 3);
    const draft = path.join(dir, '草稿.md');
    fs.writeFileSync(draft, ['---', 'type: 抓基层党建', '---', '# 某局干部2024年抓基层党建工作述职报告', '', '一、履职情况', '', body(6), '', '二、存在的问题', '', '　　工作方法不够灵活。', ''].join('\n'));
    const { path: page } = writeDashboardHtml(draft, 'out.html', { settings: DEFAULT_SETTINGS, reports, cwd: dir });

    fs.mkdirSync(RESULTS, { recursive: true });
    const backgrounds: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const tab = await browser.newPage({ viewport: { width: 900, height: 1000 }, colorScheme });
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.goto(`file://${page}`);
      // A string, so this Node project needs no DOM types.
      const seen = (await tab.evaluate(`(() => ({
        text: document.body.innerText,
        scripts: document.querySelectorAll('script').length,
        links: document.querySelectorAll('a, [href]').length,
        pwned: window.pwned,
        missing: [...document.querySelectorAll('.checklist li.missing')].map((li) => li.getAttribute('data-kind')),
        bars: document.querySelectorAll('#structure svg rect.bar').length,
        background: getComputedStyle(document.body).backgroundColor,
      }))()`)) as { text: string; scripts: number; links: number; pwned: unknown; missing: string[]; bars: number; background: string };
      assert.equal(seen.pwned, undefined, 'no script from the corpus ran');
      assert.equal(seen.scripts, 0);
      assert.equal(seen.links, 0);
      assert.deepEqual(errors, []);
      assert.ok(seen.text.includes('可参考常见标题“原因分析<script>”'), 'the hostile heading is text on the page');
      assert.ok(seen.text.includes('可参考常见标题“[下一步](command:q)”'));
      assert.deepEqual(seen.missing, ['causes', 'next']);
      assert.ok(seen.bars >= 2);
      backgrounds.push(seen.background);
      await tab.screenshot({ path: path.join(RESULTS, `dashboard-${colorScheme}.png`), fullPage: true });
      await tab.close();
    }
    assert.notEqual(backgrounds[0], backgrounds[1], 'light and dark pages differ');
  } finally {
    await browser.close();
  }
});
