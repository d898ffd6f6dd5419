/**
 * Read-only views of corpus files under the `shuzhi-corpus:` scheme. A content provider makes
 * the editor read-only by nature (a corpus file is a source to quote, not to edit), and lets us
 * decode the encodings the corpus loader accepts (UTF-8, UTF-16 with BOM, GB18030) where the
 * editor's own guess would show GB18030 text as garbage.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CORPUS_SCHEME } from '../../server/src/protocol/contract';

export function registerCorpusDocuments(context: vscode.ExtensionContext): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      return decode(await fs.readFile(uri.fsPath));
    },
  };
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(CORPUS_SCHEME, provider));
}

/** Resolves a hit's source: absolute paths as they are, others inside the bundled corpus. */
export function resolveCorpusSource(context: vscode.ExtensionContext, source: string): string {
  if (source.startsWith('file://')) return vscode.Uri.parse(source).fsPath;
  return path.isAbsolute(source) ? source : context.asAbsolutePath(path.join('corpus', source));
}

/** Opens a corpus file read-only with the cursor on `line` (zero-based). */
export async function openCorpusSource(context: vscode.ExtensionContext, source: string, line?: number): Promise<void> {
  const file = resolveCorpusSource(context, source);
  const uri = vscode.Uri.file(file).with({ scheme: CORPUS_SCHEME });
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = new vscode.Position(Math.max(0, Math.min(line ?? 0, doc.lineCount - 1)), 0);
  await vscode.window.showTextDocument(doc, {
    preview: true,
    selection: new vscode.Range(at, doc.lineAt(at.line).range.end),
    viewColumn: vscode.ViewColumn.Beside,
  });
}

/** UTF-8 unless a BOM says UTF-16, or the bytes are not valid UTF-8 (then GB18030). */
export function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
