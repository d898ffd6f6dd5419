/**
 * What the completion scenarios (a1–a4, scenarios/a-*.ts) share: the text they type, reading the
 * ghost text and the line from the editor, and a reference server. The expected ghost text and
 * list are not written here: each scenario asks the built server (dist/server.js, started over
 * stdio as the protocol tests do) for the same document and position, and compares.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { corpusReady, fileUri, startServer, type TestServer } from '../helpers/lspClient';
import { DRAFT_LINES, DRAFT_NAME, TYPE_LINE } from './fixtures';
import { gotoLineEnd, openFile, poll, RESULTS, type Harness } from './harness';

export const SUGGEST_VISIBLE = '.suggest-widget.visible';
/** The F1 title of shuzhi.suggestPhrases (package.nls.json). */
export const SUGGEST_COMMAND = '述职助手: 显示表述列表 (Show Phrase Suggestions)';

/** The paragraph indent of the draft (two ideographic spaces). */
export const GHOST_INDENT = '　　';
/**
 * Words as an input method commits them, each in one go: a sentence after which the bundled
 * corpus makes a long formulation likely (issue 12's 我们要坚定 is not one: the corpus goes on
 * after 坚定 in six ways, so the model leaves it to the list — scenario a3).
 */
export const GHOST_WORDS = [GHOST_INDENT, '我们', '深入', '学习', '贯彻', '习近平', '新时代'];
export const GHOST_TYPED = GHOST_WORDS.join('');
/** What the writer gets after GHOST_WORDS by Tab on the ghost text. */
export const GHOST_PHRASE = '习近平新时代中国特色社会主义思想';
/** What issue 12 asks the writer to get after 我们要坚定, by Enter in the list (a3). */
export const ISSUE_PHRASE = '坚定“四个自信”';
/** Issue 12's quiet case: the last word 南部 must not be continued as if it were 部署/部门. */
export const QUIET_WORDS = [GHOST_INDENT, '规划', '建成了', '南部'];
export const QUIET_TYPED = QUIET_WORDS.join('');
/** Typed as a new paragraph before Ctrl+Space: issue 12's sentence. */
export const LIST_WORDS = [GHOST_INDENT, '我们', '要', '坚定'];
export const LIST_TYPED = LIST_WORDS.join('');
/** The composition scenario: the line holds IME_BEFORE, the input method composes IME_PINYIN, then IME_COMMIT. */
export const IME_BEFORE = GHOST_INDENT + '我们要坚定“';
export const IME_PINYIN = ['si', 'sige'];
export const IME_COMMIT = '四个';
/** Bounded waits (× 250 ms): 3 s for the quiet case, 2 s after a commit the server has nothing for, 1 s for each composition step. */
export const QUIET_POLLS = 12;
export const NOTHING_POLLS = 8;
export const COMPOSE_POLLS = 4;

/** The new paragraph newParagraph() starts: after TYPE_LINE and a blank line (1-based). */
export const NEW_LINE = TYPE_LINE + 2;

/** The draft with `typed` as a new paragraph at NEW_LINE, as newParagraph() and typing leave it. */
export function draftWith(typed: string): string[] {
  return [...DRAFT_LINES.slice(0, TYPE_LINE), '', typed, ...DRAFT_LINES.slice(TYPE_LINE)];
}

/** Opens the draft and waits until the status bar says the corpus is loaded. */
export async function openDraftReady(page: Page): Promise<void> {
  await openFile(page, DRAFT_NAME);
  const corpus = page.locator('.statusbar-item', { hasText: /Corpus: \d+ reports|语料 \d+ 篇/ }).first();
  if (!(await poll(async () => ((await corpus.isVisible()) ? true : undefined), 60, 1000))) throw new Error('the corpus never became ready');
}

/** Starts a new paragraph after TYPE_LINE: the cursor ends at the start of NEW_LINE. */
export async function newParagraph(page: Page): Promise<void> {
  await gotoLineEnd(page, TYPE_LINE);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
}

/** Starts a new paragraph and commits `words` into it, each in one go, as an input method does. */
export async function commitParagraph(page: Page, words: readonly string[]): Promise<void> {
  await newParagraph(page);
  for (const word of words) await page.keyboard.insertText(word);
}

const GHOST = '.ghost-text-decoration, .ghost-text-decoration-preview';

/** The ghost text shown in the editor ('' when none). */
export async function ghostText(page: Page): Promise<string> {
  const parts = await page.locator(`.editor-instance .monaco-editor ${GHOST.replace(', ', ', .editor-instance .monaco-editor ')}`).allTextContents();
  return parts.join('').replace(/\u00a0/g, ' ');
}

/** The little of the DOM editorLine() uses (the project compiles without the DOM library). */
interface DomElement {
  querySelectorAll(selector: string): { forEach(f: (e: { remove(): void }) => void): void };
  textContent: string | null;
}

/** Labels of the visible suggest widget rows. */
export async function suggestLabels(page: Page): Promise<string[]> {
  const rows = page.locator(`${SUGGEST_VISIBLE} .monaco-list-row .label-name`);
  return (await rows.allInnerTexts()).map((s) => s.trim()).filter((s) => s !== '');
}

/** What appears by itself within `polls` × 250 ms (ghost text or the suggest list), or undefined. */
export async function appearsWithin(page: Page, polls: number): Promise<string | undefined> {
  return poll(async () => {
    const ghost = await ghostText(page);
    if (ghost !== '') return `ghost text ${JSON.stringify(ghost)}`;
    const labels = await suggestLabels(page);
    return labels.length > 0 ? `the suggest list (${labels.slice(0, 5).join(' | ')})` : undefined;
  }, polls, 250);
}

/**
 * Checks that the editor shows `expected` as ghost text (and no list), or, when it is undefined,
 * that nothing appears within a bounded wait.
 */
export async function expectGhost(page: Page, expected: string | undefined, when: string): Promise<void> {
  if (expected === undefined) {
    const seen = await appearsWithin(page, NOTHING_POLLS);
    if (seen) throw new Error(`${seen} appeared ${when}, where the server offers nothing`);
    return;
  }
  const shown = await poll(async () => ((await ghostText(page)) === expected ? true : undefined), 40, 250);
  if (!shown) throw new Error(`${when} the ghost text is ${JSON.stringify(await ghostText(page))}, the server offers ${JSON.stringify(expected)}`);
  const labels = await suggestLabels(page);
  if (labels.length > 0) throw new Error(`the suggest list opened by itself ${when}: ${labels.slice(0, 5).join(' | ')}`);
}

/** The text of the editor line that starts with `prefix`, ghost text left out; undefined when no line does. */
export async function editorLine(page: Page, prefix: string): Promise<string | undefined> {
  const lines = await page.locator('.editor-instance .monaco-editor .view-line').evaluateAll(
    (els, ghost) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as DomElement;
        copy.querySelectorAll(ghost).forEach((g) => g.remove());
        return (copy.textContent ?? '').replace(/\u00a0/g, ' ');
      }),
    GHOST,
  );
  return lines.find((l) => l.startsWith(prefix));
}

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
export interface ListItem {
  label: string;
  textEdit?: { range: Range; newText: string };
  insertText?: string;
}

/** The line after applying a completion item's edit (or inserting its text at the end). */
export function applyEdit(line: string, item: ListItem): string {
  if (!item.textEdit) return line + (item.insertText ?? item.label);
  const r = item.textEdit.range;
  return line.slice(0, r.start.character) + item.textEdit.newText + line.slice(r.end.character);
}

export interface ReferenceServer {
  /** What the server's inline item adds after the cursor, or undefined when it offers none. */
  inlineContinuation(lines: string[], line: number, character: number): Promise<string | undefined>;
  completion(lines: string[], line: number, character: number): Promise<ListItem[]>;
  stop(): Promise<void>;
}

/**
 * The built server over stdio with the bundled corpus, its snapshot in the run's temp folder.
 * It starts now and loads its corpus while the editor starts; each question waits for it.
 */
export function referenceServer(h: Harness): ReferenceServer {
  const starting = (async () => {
    const server: TestServer = await startServer({ env: { XDG_CACHE_HOME: path.join(h.tmp, 'reference-cache') } });
    try {
      await corpusReady(server, 120_000);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  })();
  // A failed start is reported by the first question; stop() must not hide the scenario's own error.
  starting.catch(() => undefined);
  let n = 0;
  const open = async (lines: string[]) => {
    const server = await starting;
    const uri = fileUri(path.join(h.tmp, `reference-${++n}.md`));
    server.open(uri, lines.join('\n'));
    return { server, uri };
  };
  return {
    async inlineContinuation(lines, line, character) {
      const { server, uri } = await open(lines);
      // LSP InlineCompletionTriggerKind.Automatic = 2: what VS Code sends while typing.
      const res = await server.request<unknown>('textDocument/inlineCompletion', { textDocument: { uri }, position: { line, character }, context: { triggerKind: 2 } });
      const items = (Array.isArray(res) ? res : ((res as { items?: unknown[] } | null)?.items ?? [])) as { insertText: string | { value: string }; range?: Range }[];
      if (items.length === 0) return undefined;
      const { insertText, range } = items[0];
      const text = typeof insertText === 'string' ? insertText : insertText.value;
      const typed = range ? lines[line].slice(range.start.character, range.end.character) : '';
      if (!text.startsWith(typed)) throw new Error(`the inline item ${JSON.stringify(text)} does not start with the text it replaces, ${JSON.stringify(typed)}`);
      return text.slice(typed.length);
    },
    async completion(lines, line, character) {
      const { server, uri } = await open(lines);
      const res = await server.request<{ items: ListItem[] } | ListItem[] | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
      return Array.isArray(res) ? res : (res?.items ?? []);
    },
    stop: () => starting.then((server) => server.stop(), () => undefined),
  };
}

/** Runs a scenario's body with a reference server, stopped afterwards whatever happens. */
export async function withReference(h: Harness, run: (ref: ReferenceServer) => Promise<void>): Promise<void> {
  const ref = referenceServer(h);
  try {
    await run(ref);
  } finally {
    await ref.stop();
  }
}

/** A screenshot of the editor area only (for the README): test-results/e2e/<name>.png. */
export async function screenshotEditor(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  // The editor part down to its last line, widened and lengthened to the suggest list if open.
  const part = await page.locator('.part.editor').boundingBox();
  const boxes = await Promise.all(
    [...(await page.locator('.editor-instance .view-line').all()), ...(await page.locator(SUGGEST_VISIBLE).all())].map((l) => l.boundingBox()),
  );
  let clip = part ?? undefined;
  if (part) {
    const right = Math.max(part.x + part.width, ...boxes.map((b) => (b ? b.x + b.width + 8 : 0)));
    const bottom = Math.min(part.y + part.height, Math.max(part.y, ...boxes.map((b) => (b ? b.y + b.height : 0))) + 24);
    clip = { x: part.x, y: part.y, width: right - part.x, height: bottom - part.y };
  }
  await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
  return file;
}
