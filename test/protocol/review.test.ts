import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusReady, fileUri, startServer, type Diagnostic } from '../helpers/lspClient';
import { tempFolders } from '../helpers/tmp';

const tmp = tempFolders();

interface Related {
  location: { uri: string; range: { start: { line: number; character: number } } };
  message: string;
}
type Diag = Diagnostic & { relatedInformation?: Related[] };

const COMMON = '始终不忘初心、牢记使命，扎实推进全面从严治党。';
const OWN = '全年走访困难群众一百二十户，协调解决饮水安全、道路硬化等实际问题十五件，群众满意度明显提升。';

/** Three corpus reports in a temp folder; the first holds OWN on file line 4 (after a blank line). */
function corpusFolder(): string {
  const dir = tmp('shuzhi-review-');
  const bodies = [`\n${COMMON}\n${OWN}`, `${COMMON}\n认真抓好班子建设。`, `${COMMON}\n持续改进工作作风。`];
  bodies.forEach((b, i) => fs.writeFileSync(path.join(dir, `r${i}.txt`), `第${i}单位2023年述职报告\n一、履职情况${b}\n`));
  return dir;
}

const DRAFT = `# 2024年述职报告\n\n一、履职情况\n\n我始终不忘出心，努力工作。\n\n${OWN}\n`;

test('review: a slip and a copied paragraph show as diagnostics; the copy points to its source read-only; the fix clears the slip; shuzhi/review sums up', async () => {
  const dir = corpusFolder();
  const config = { useBundledCorpus: false, corpusPaths: [dir] };
  const server = await startServer({ initializationOptions: config, configuration: config, env: { SHUZHI_NO_SNAPSHOT: '1', XDG_CACHE_HOME: dir } });
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(dir, 'draft.md'));
    server.open(uri, DRAFT);
    // The copied passage's source is placed on its file line once the file is read: wait for it.
    const diags = (await server.waitForDiagnostics(uri, (d) =>
      d.some((x) => x.code === 'copied-passage' && (x as Diag).relatedInformation?.length) && d.some((x) => x.code === 'typo-suspect'),
    )) as Diag[];
    const slip = diags.find((d) => d.code === 'typo-suspect')!;
    assert.equal(slip.severity, 2);
    assert.equal(slip.range.start.line, 4);
    assert.match(slip.message, /疑似错别字：“[^”]*出[^”]*”，语料中常用“[^”]*初[^”]*”（3 篇报告）/);
    const copy = diags.find((d) => d.code === 'copied-passage')!;
    assert.equal(copy.severity, 3, 'information');
    assert.deepEqual(copy.range, { start: { line: 6, character: 0 }, end: { line: 6, character: OWN.length } });
    const rel = copy.relatedInformation![0];
    assert.ok(rel.location.uri.startsWith('shuzhi-corpus:'), rel.location.uri);
    assert.equal(fileURLToPath(rel.location.uri.replace(/^shuzhi-corpus:/, 'file:')), path.join(dir, 'r0.txt'));
    assert.equal(rel.location.range.start.line, 3);
    assert.match(rel.message, /《第0单位2023年述职报告》.*第 4 行/);

    // The quick fix of the slip.
    const actions = await server.request<Array<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, Array<{ range: Diag['range']; newText: string }>> } }>>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: slip.range, context: { diagnostics: [slip], only: ['quickfix'] } },
    );
    const fix = actions.find((a) => a.isPreferred)!;
    assert.match(fix.title, /^改为“.*初.*”$/);
    const [edit] = fix.edit.changes[uri];
    const lines = DRAFT.split('\n');
    const l = lines[edit.range.start.line];
    lines[edit.range.start.line] = l.slice(0, edit.range.start.character) + edit.newText + l.slice(edit.range.end.character);
    server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: lines.join('\n') }] });
    const after = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'typo-suspect'));
    assert.ok(lines[4].includes('不忘初心'));
    assert.ok(after.some((x) => x.code === 'copied-passage'));

    const review = await server.request<{
      categories: Array<{ name: string; count: number }>;
      copy: { share: number; text: string; sources: Array<{ title: string; uri: string; line?: number; share: number }> };
      items: Array<{ rule: string; category: string; range: Diag['range']; sources?: Array<{ uri: string; line?: number }> }>;
    }>('shuzhi/review', { uri });
    assert.match(review.copy.text, /^与语料重复 \d+\.\d%$/);
    assert.ok(review.copy.share > 0.3 && review.copy.share < 0.9);
    assert.equal(review.copy.sources[0].title, '第0单位2023年述职报告');
    assert.equal(review.copy.sources[0].line, 3);
    assert.ok(review.categories.some((c) => c.name === '与语料重复' && c.count === 1));
    assert.ok(!review.categories.some((c) => c.name === '疑似错别字'));
    const item = review.items.find((i) => i.rule === 'copied-passage')!;
    assert.equal(item.range.start.line, 6);
    assert.equal(item.sources?.[0].line, 3);
    assert.equal(await server.request('shuzhi/review', { uri: 'file:///not/open.md' }), null);
  } finally {
    await server.stop();
  }
});
