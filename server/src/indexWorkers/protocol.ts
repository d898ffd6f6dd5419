/** Messages between buildInWorkers.ts and its worker threads (worker.ts). */
import type { PhraseTables, TextPart } from '../engine/search/phraseTables';

/** A job: sort the suffixes of the corpus text (with its noise bit set), or read the tables of a part of it. */
export type JobInput = { kind: 'sort'; text: string; noise: Uint8Array; anchors: Int32Array } | { kind: 'tables'; part: TextPart };

export type WorkerJob = JobInput & { id: number };

export type WorkerReply = { id: number; sa: Int32Array } | { id: number; tables: PhraseTables } | { id: number; error: string };
