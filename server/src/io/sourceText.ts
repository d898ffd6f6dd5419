/**
 * The text of a corpus source file as it stands on disk (decoded, not cleaned or split), for
 * showing a passage in its file: the server's read-only corpus documents and the CLI's
 * `search` / `review` line numbers both read it here.
 */
import * as path from 'node:path';
import { isSkipped, loadOneFile } from '../engine/corpus/loader';

/** The decoded text of a plain-text corpus file; undefined for Word files (their lines mean nothing in an editor) or on error. */
export async function readSource(source: string, maxBytes: number): Promise<string | undefined> {
  if (!path.isAbsolute(source) || /\.docx$/i.test(source)) return undefined;
  try {
    const f = await loadOneFile(source, { maxFileSizeBytes: maxBytes });
    return isSkipped(f) ? undefined : f.text;
  } catch {
    return undefined;
  }
}
