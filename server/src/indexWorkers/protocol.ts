/** Messages between buildInWorkers.ts and its worker threads (worker.ts). */
import type { PhraseTables, TextPart } from '../engine/search/phraseTables';

/** A job: sort the suffixes of a key array, or read the tables of a part of the corpus text. */
export type JobInput = { kind: 'sort'; keys: Uint16Array; anchors: Int32Array } | { kind: 'tables'; part: TextPart };

export type WorkerJob = JobInput & { id: number };

export type WorkerReply = { id: number; sa: Int32Array } | { id: number; tables: PhraseTables } | { id: number; error: string };
