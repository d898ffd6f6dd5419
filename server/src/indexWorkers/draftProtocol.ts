/** Messages between the server and the huge-draft worker (draftWorker.ts). Plain data only. */
import type { CorpusHeadings } from '../engine/lint/corpusHeadings';
import type { KindShareStats } from '../engine/delivery/kindShare';
import type { Fold } from '../engine/lint/folding';
import type { Finding, LintStage } from '../engine/lint/types';
import type { OutlineSymbol } from '../engine/report/symbols';
import type { Settings } from '../engine/settings';

/**
 * The rules of a huge draft get at least this long after its prose view is ready, even past the
 * job's deadline (on a loaded machine the parse alone can outlast it): some findings come, not
 * only the notice that the check was cut. The worker and the server's corpus rules both keep it.
 */
export const MIN_RULES_MS = 700;

export interface DraftJob {
  id: number;
  /**
   * The draft: its UTF-16 code units (transferred, not copied: textToBuffer; a structured clone
   * of a 10-million-character string holds the server's thread for 60–150 ms), or the string
   * itself when the job runs on the server's thread.
   */
  text: ArrayBuffer | string;
  /**
   * Set to non-zero (Atomics.store) when the job's document changed or closed: the job stops at
   * its next check (between its parts, between rules), so the worker, warm, takes the next job.
   */
  cancel?: Int32Array;
  settings: Settings;
  stage: LintStage;
  showItems: boolean;
  corpusStats?: KindShareStats;
  corpusHeadings?: CorpusHeadings;
  /**
   * Rules still running at this wall-clock time (Date.now()) are cut (see lintSteps' outOfTime):
   * the diagnostics of a huge draft come a fixed time after its job was asked for, however
   * loaded the machine is.
   */
  deadline: number;
  /** The rules get at least this long after the prose view is ready, even past the deadline (MIN_RULES_MS). */
  minRulesMs: number;
  /** Most findings sent back (the most severe); the count of all is sent beside them. */
  maxFindings: number;
  /** Rules left to the server (the corpus rules: the phrase index lives there). */
  skipRules: string[];
}

/** The outline and folds of a draft. */
export interface DraftOutline {
  symbols: OutlineSymbol[];
  folds: Fold[];
}

/**
 * First reply: the outline and folds as JSON, in UTF-16 code units (transferred: the server's
 * thread reads it only when the outline is asked for; tens of thousands of symbol objects
 * would otherwise be rebuilt one by one there, holding its requests). Worked out from the
 * draft's structure alone (Draft.structure) and sent before anything else.
 */
export interface OutlineReply {
  id: number;
  part: 'outline';
  outline: ArrayBuffer;
}

/**
 * Second reply: the masked prose (the server runs the corpus rules on it) and the draft's line
 * starts (LineIndex.lineStarts), transferred: the server's thread neither copies 20 MB through a
 * structured clone nor indexes 10 million characters' lines. The prose is sent as the few runs
 * of the draft it blanks (`blanked`, see blankedRuns: none for a draft without Markdown or
 * indents, whose prose is then the draft's own string), else whole in UTF-16 code units.
 */
export interface ProseReply {
  id: number;
  part: 'prose';
  blanked?: Uint32Array;
  masked?: ArrayBuffer;
  lineStarts: Uint32Array;
}

/** Third reply: the findings of every rule but the corpus ones. */
export interface LintReply {
  id: number;
  part: 'lint';
  findings: Finding[];
  total: number;
  cut: string[];
}

export type DraftReply = OutlineReply | ProseReply | LintReply | { id: number; part: 'error'; error: string };

/** Most code units one call of textToBuffer writes between two yields of the server's thread. */
export const TEXT_CHUNK = 1 << 20;

/** `text` as UTF-16 code units in a buffer of its own (to transfer to another thread): a single copy. */
export function textToBuffer(text: string): ArrayBuffer {
  const buffer = new ArrayBuffer(text.length * 2);
  Buffer.from(buffer).write(text, 0, 'utf16le');
  return buffer;
}

/**
 * The same, written TEXT_CHUNK code units at a time with `pause()` awaited in between (the
 * server's thread answers requests meanwhile); undefined when `stop()` says so between chunks.
 */
export async function textToBufferInSlices(text: string, pause: () => Promise<void>, stop: () => boolean): Promise<ArrayBuffer | undefined> {
  const buffer = new ArrayBuffer(text.length * 2);
  const bytes = Buffer.from(buffer);
  for (let at = 0; at < text.length; at += TEXT_CHUNK) {
    if (at > 0) await pause();
    if (stop()) return undefined;
    bytes.write(text.slice(at, at + TEXT_CHUNK), at * 2, 'utf16le');
  }
  return buffer;
}

/** The string of UTF-16 code units in `buffer` (textToBuffer's inverse). */
export function bufferToText(buffer: ArrayBuffer): string {
  return Buffer.from(buffer).toString('utf16le');
}

/**
 * Most blanked runs sent instead of the whole masked prose: rebuilding the prose from many runs
 * costs the server's thread more than decoding it (10 million characters with 25,000 runs:
 * 70–90 ms against 55–60 ms), so the runs are sent only when they are few.
 */
export const MAX_BLANKED_RUNS = 64;

/**
 * Where `masked` differs from `text`, as [start, end) pairs, when every difference is a space
 * put over the draft (what the prose view does); undefined when it is not, or when there are
 * more than MAX_BLANKED_RUNS runs (the whole prose is then cheaper to send).
 */
export function blankedRuns(text: string, masked: string): Uint32Array | undefined {
  if (masked.length !== text.length) return undefined;
  const runs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (masked.charCodeAt(i) === text.charCodeAt(i)) continue;
    const start = i;
    for (; i < text.length && masked.charCodeAt(i) !== text.charCodeAt(i); i++) if (masked.charCodeAt(i) !== 32) return undefined;
    if (runs.length >= 2 * MAX_BLANKED_RUNS) return undefined;
    runs.push(start, i);
  }
  return Uint32Array.from(runs);
}

/** `text` with the runs blankedRuns found replaced by spaces: the masked prose again (the same string when there are none). */
export function withRunsBlanked(text: string, runs: Uint32Array): string {
  if (!runs.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < runs.length; k += 2) {
    parts.push(text.slice(at, runs[k]), ' '.repeat(runs[k + 1] - runs[k]));
    at = runs[k + 1];
  }
  parts.push(text.slice(at));
  return parts.join('');
}
