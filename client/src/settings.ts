/**
 * Reading the `shuzhi.*` settings on the client side: the plain object handed to the server
 * at start-up (it pulls the same section through workspace/configuration afterwards) and the
 * corpus folders the client watches for changes.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InitializationOptions } from '../../server/src/protocol/contract';

export const SECTION = 'shuzhi';

/** The `shuzhi` section as a plain JSON object (WorkspaceConfiguration carries methods too). */
export function readSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION);
  return JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
}

/**
 * What the server receives as initializationOptions (the contract's InitializationOptions):
 * `shuzhi` is the settings object (normalizeSettings accepts `{shuzhi: …}` as is); `trusted:
 * false` tells the server to ignore corpus folders and rc files that come from the workspace (the
 * bundled corpus still works); the snapshot goes in the extension's global storage.
 */
export function initializationOptions(context: vscode.ExtensionContext): InitializationOptions {
  return {
    shuzhi: readSettings(),
    trusted: vscode.workspace.isTrusted,
    storagePath: context.globalStorageUri.fsPath,
  };
}

/**
 * Absolute corpus folders from `shuzhi.corpusPaths`: relative entries are resolved against
 * every workspace folder, `~` against the home directory.
 */
export function corpusFolders(): string[] {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('corpusPaths');
  const entries = Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
  const out = new Set<string>();
  for (const entry of entries) {
    const p = expandHome(entry.trim());
    if (path.isAbsolute(p)) out.add(path.normalize(p));
    else for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme === 'file') out.add(path.join(folder.uri.fsPath, p));
    }
  }
  return [...out];
}

function expandHome(p: string): string {
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
    const home = process.env.HOME ?? process.env.USERPROFILE ?? '';
    return path.join(home, p.slice(1));
  }
  return p;
}

/** Whether completion is on for the given document (resource-scoped reads honour [markdown] overrides). */
export function completionEnabled(document?: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration(SECTION, document).get<boolean>('completion.enable', true);
}

/**
 * Whether ghost text may be asked for in the document: Shuzhi's completion and its inline
 * channel are on, and so is VS Code's `editor.inlineSuggest.enabled` for the document's language.
 */
export function inlineCompletionEnabled(document: vscode.TextDocument): boolean {
  const inline = vscode.workspace.getConfiguration(SECTION, document).get<boolean>('completion.inline', true);
  const editor = vscode.workspace.getConfiguration('editor', { uri: document.uri, languageId: document.languageId });
  return completionEnabled(document) && inline && editor.get<boolean>('inlineSuggest.enabled', true);
}
