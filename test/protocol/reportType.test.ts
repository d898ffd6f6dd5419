/**
 * The server picks a draft's report type as the CLI does (engine/lint/reportTypeOf.ts): the
 * `reportType` setting applies where the title does not name a type, a title that names one wins
 * over it, and front matter `type:` wins over both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type Diagnostic } from '../helpers/lspClient';
import { tempFolders } from '../helpers/tmp';

/** A fresh temporary folder, removed when the file's tests are done. */
const tmp = tempFolders();

const BODY = ['', '一、履职情况', '', '全年组织学习XX次。', '', '二、存在的问题', '', '学习不够深入。', '', '三、下一步打算', '', '加强学习。', ''];
const missingParts = (d: Diagnostic[]) => d.filter((x) => x.code === 'section-missing').map((x) => /^缺少“([^”]+)”/.exec(x.message)?.[1]);

test('server: reportType setting < a title naming a type < front matter, as in the CLI', async (t) => {
  const cache = tmp('shuzhi-cache-');
  const server = await startServer({ initializationOptions: { useBundledCorpus: false, reportType: 'party-building' }, env: { XDG_CACHE_HOME: cache } });
  t.after(() => server.stop());
  const docs = {
    plain: ['# 2024年个人述职报告', ...BODY].join('\n'),
    virtue: ['# 某局长2024年述德述廉述职报告', ...BODY].join('\n'),
    front: ['---', 'type: 述职报告', '---', '# 2024年个人述职报告', ...BODY].join('\n'),
  };
  const got: Record<string, Array<string | undefined>> = {};
  for (const [name, text] of Object.entries(docs)) {
    const uri = `untitled:${name}.md`;
    server.open(uri, text);
    // Every draft has a placeholder: its warning shows the draft has been linted.
    got[name] = missingParts(await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'placeholder')));
  }
  assert.ok(got.plain.includes('原因分析'), `the setting for a plain title: ${got.plain}`);
  assert.ok(!got.virtue.includes('原因分析') && got.virtue.length > 0, `the title's own type: ${got.virtue}`);
  assert.deepEqual(got.front, [], 'front matter names the general type: nothing is missing');
});
