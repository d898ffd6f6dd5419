/**
 * What typo-suspect needs beyond the corpus, for the editor: the general lexicon (loaded on first
 * use; when it is missing or corrupt the check keeps to corpus evidence and the user is told
 * once) and the workspace's word list (`.shuzhi/words.txt`, re-read when it changes), plus the
 * quick fix 忽略此词 that appends a word to that file — a workspace edit the user accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import type { Lexicon } from '../engine/review/lexicon';
import { readSharedLexiconAhead, sharedLexicon } from '../io/lexicon';
import { readWordList, WORDS_FILE } from '../io/words';

let warned = false;

export interface TypoInputs {
  lexicon?: Lexicon;
  /** Words of `.shuzhi/words.txt`. */
  words: string[];
}

/** Words added with 忽略此词 in this session: they count before the word list file is saved. */
const sessionWords: string[] = [];

/** A word 忽略此词 added (the server command after its edit). */
export function addSessionWord(word: unknown): void {
  if (typeof word === 'string' && word && !sessionWords.includes(word)) sessionWords.push(word);
}

/**
 * Reads the lexicon in the background now (once a corpus is ready: read during its load, it
 * raised the 50 MB snapshot run's peak by 5 MB), so that the first check does not read it in
 * one go (70–230 ms).
 */
export function readLexiconAhead(): void {
  void readSharedLexiconAhead();
}

/** The lexicon and the word list for a check now. */
export function typoInputs(ctx: ServerContext): TypoInputs {
  const l = sharedLexicon();
  if (l.error && !warned) {
    warned = true;
    ctx.log(l.error);
    void ctx.connection.window.showWarningMessage(l.error);
  }
  return { lexicon: l.lexicon, words: [...readWordList(ctx.workspaceRoot()), ...sessionWords] };
}

/** Command the 忽略此词 action runs after its edit: the server re-checks the drafts. */
export const WORD_ADDED_COMMAND = 'shuzhi.review.wordAdded';

/**
 * The code action adding `word` to the workspace's word list: creates `.shuzhi/words.txt` when
 * there is none and appends the word. None without a workspace folder on disk.
 */
export function ignoreWordAction(root: string | undefined, word: string): CodeAction | undefined {
  if (!root) return undefined;
  const path = join(root, WORDS_FILE);
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // No list yet: the edit creates it.
  }
  const lines = text.split('\n');
  const end = { line: lines.length - 1, character: lines.at(-1)!.length };
  const uri = pathToFileURL(path).toString();
  const newText = (text && !text.endsWith('\n') ? '\n' : '') + word + '\n';
  const edit: WorkspaceEdit = {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: end, end }, newText }] },
    ],
  };
  return {
    title: `忽略此词：把“${word}”加入工作区词表（.shuzhi/words.txt）`,
    kind: CodeActionKind.QuickFix,
    edit,
    command: { title: '重新检查', command: WORD_ADDED_COMMAND, arguments: [word] },
  };
}
