/**
 * The draft a command works on. Usually the active Markdown editor; but when the focus is
 * elsewhere — on the getting-started walkthrough beside the draft, in a panel or a view —
 * VS Code has no active text editor, so the visible Markdown editor is taken instead.
 */
import * as vscode from 'vscode';

const isMarkdown = (e: vscode.TextEditor | undefined): e is vscode.TextEditor => e?.document.languageId === 'markdown';

/** The active Markdown editor, else a visible one (undefined when no Markdown draft is shown). */
export function draftEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (isMarkdown(active)) return active;
  return vscode.window.visibleTextEditors.find(isMarkdown);
}

/** Opens a new, empty untitled Markdown draft in the active editor group. */
export async function openNewDraft(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  return vscode.window.showTextDocument(doc);
}

/**
 * Gives the draft the keyboard focus (so a snippet can be tabbed through and suggestions show)
 * and returns it; with `create`, a new draft is opened when none is shown.
 */
export async function focusDraft(create: boolean): Promise<vscode.TextEditor | undefined> {
  const editor = draftEditor();
  if (!editor) return create ? openNewDraft() : undefined;
  if (editor === vscode.window.activeTextEditor) return editor;
  return vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection: editor.selection, preserveFocus: false });
}
