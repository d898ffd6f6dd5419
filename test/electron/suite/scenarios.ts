/**
 * The in-editor scenarios through the VS Code API: the same draft and expectations as the
 * code-server scenarios (test/e2e/scenarios/), asked of the providers VS Code aggregates.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT_LINES, HOVER_LINE, HOVER_PHRASE, MISSING_PART, OUTLINE_SECTIONS, TYPE_LINE } from '../../e2e/fixtures';

const HAN = /\p{Script=Han}/u;

async function poll<T>(check: () => Promise<T | undefined>, attempts = 40, delayMs = 500): Promise<T | undefined> {
  for (let i = 0; i < attempts; i++) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, delayMs));
  }
  return undefined;
}

async function openDraft(): Promise<vscode.TextEditor> {
  const draft = process.env.SHUZHI_DRAFT;
  assert.ok(draft, 'SHUZHI_DRAFT is not set');
  const doc = await vscode.workspace.openTextDocument(draft);
  const editor = await vscode.window.showTextDocument(doc);
  // Start each scenario from the draft as written.
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  await editor.edit((b) => b.replace(all, DRAFT_LINES.join('\n')));
  return editor;
}

function asText(contents: vscode.Hover['contents']): string {
  return contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

function names(symbols: vscode.DocumentSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);
}

export const scenarios: { name: string; run: () => Promise<void> }[] = [
  {
    name: '(a) after 坚定 the completion list has corpus phrases; applying one changes the line',
    async run() {
      const editor = await openDraft();
      const line = TYPE_LINE - 1;
      const end = editor.document.lineAt(line).range.end;
      await editor.edit((b) => b.insert(end, '坚定'));
      const pos = editor.document.lineAt(line).range.end;
      const list = await poll(async () => {
        const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, pos);
        return l.items.some((i) => HAN.test(typeof i.label === 'string' ? i.label : i.label.label)) ? l : undefined;
      });
      assert.ok(list, 'no Chinese phrase among the completion items');
      const item = list.items.find((i) => HAN.test(typeof i.label === 'string' ? i.label : i.label.label))!;
      const before = editor.document.lineAt(line).text;
      const text = typeof item.insertText === 'string' ? item.insertText : item.insertText?.value ?? (typeof item.label === 'string' ? item.label : item.label.label);
      const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing ?? new vscode.Range(pos, pos);
      await editor.insertSnippet(new vscode.SnippetString(text), range);
      const after = editor.document.lineAt(line).text;
      assert.notEqual(after, before);
      assert.ok(after.length > DRAFT_LINES[line].length + 2, `nothing was added: ${after}`);
    },
  },
  {
    name: `(b) the hover on ${HOVER_PHRASE} shows corpus examples`,
    async run() {
      const editor = await openDraft();
      const pos = new vscode.Position(HOVER_LINE - 1, DRAFT_LINES[HOVER_LINE - 1].indexOf(HOVER_PHRASE) + 1);
      const text = await poll(async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
        const t = hovers.map((h) => asText(h.contents)).join('\n');
        return t.includes(HOVER_PHRASE) && t.replace(/\s/g, '').length > HOVER_PHRASE.length + 10 ? t : undefined;
      });
      assert.ok(text, 'no hover with examples');
    },
  },
  {
    name: '(c) the document symbols list the sections',
    async run() {
      const editor = await openDraft();
      const found = await poll(async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
        const all = names(symbols ?? []);
        return OUTLINE_SECTIONS.every((s) => all.some((n) => n.includes(s))) ? all : undefined;
      });
      assert.ok(found, `the outline lacks ${OUTLINE_SECTIONS.join(', ')}`);
    },
  },
  {
    name: '(d) the missing-section warning goes away after its quick fix',
    async run() {
      const editor = await openDraft();
      const uri = editor.document.uri;
      const missing = () => vscode.languages.getDiagnostics(uri).find((d) => MISSING_PART.test(d.message) && d.source === 'shuzhi');
      const diag = await poll(async () => missing());
      assert.ok(diag, 'no missing-section diagnostic');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => MISSING_PART.test(a.title) && a.edit);
      assert.ok(fix?.edit, `no quick fix among: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      const gone = await poll(async () => (vscode.languages.getDiagnostics(uri).some((d) => d.message === diag.message) ? undefined : true));
      assert.ok(gone, `still reported: ${diag.message}`);
    },
  },
];
