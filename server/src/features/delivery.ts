/**
 * Delivery requests: export to Word, import from Word, and the character count the status
 * bar shows. The engine does the work; this adapter reads and writes files and turns
 * failures into ResponseErrors with plain Chinese messages.
 *
 * - `shuzhi/export` {uri, target, overwrite?} → {path}; error EXPORT_TARGET_EXISTS when the
 *   target exists and overwrite is not set (the client then asks before retrying).
 * - `shuzhi/import` {path} → {markdown, title?}
 * - `shuzhi/count` {uri, ranges?} → {total, selection?, limit?, limitSource?}
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResponseError } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { buildDocx } from '../engine/delivery/docxExport';
import { DocxReadError, importDocx } from '../engine/delivery/docxImport';
import { countRange, countText } from '../engine/delivery/count';
import { resolveLengthLimit } from '../engine/delivery/lengthLimit';
import { LineIndex } from '../engine/text/lineIndex';
import { writeOutputFile } from '../io/outputFile';
import { DELIVERY_FAILED, EXPORT_TARGET_EXISTS, type CountParams, type CountResult, type ExportParams, type ExportResult, type ImportParams, type ImportResult } from '../protocol/contract';

function toPath(p: string): string {
  return p.startsWith('file:') ? fileURLToPath(p) : p;
}

export function register(ctx: ServerContext): void {
  /** The open document's text, else the file on disk (export may be run on a closed file). */
  const textOf = (uri: string): string => {
    const doc = ctx.documents.get(uri);
    if (doc) return doc.getText();
    try {
      return fs.readFileSync(toPath(uri), 'utf8');
    } catch {
      throw new ResponseError(DELIVERY_FAILED, `无法读取草稿 ${uri}。`);
    }
  };

  ctx.connection.onRequest('shuzhi/export', async (p: ExportParams): Promise<ExportResult> => {
    const text = textOf(p.uri);
    const base = p.uri.startsWith('file:') ? path.dirname(fileURLToPath(p.uri)) : process.cwd();
    const target = path.resolve(base, toPath(p.target));
    if (p.uri.startsWith('file:') && target === fileURLToPath(p.uri)) {
      throw new ResponseError(DELIVERY_FAILED, '导出文件不能与草稿同名。');
    }
    if (!p.overwrite && fs.existsSync(target)) {
      throw new ResponseError(EXPORT_TARGET_EXISTS, `文件 ${target} 已存在。`, { path: target });
    }
    const bytes = await buildDocx(text, ctx.settings().export);
    try {
      if (!writeOutputFile(target, bytes, !!p.overwrite)) {
        throw new ResponseError(EXPORT_TARGET_EXISTS, `文件 ${target} 已存在。`, { path: target });
      }
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      throw new ResponseError(DELIVERY_FAILED, `无法写入 ${target}：${(e as Error).message}`);
    }
    ctx.log(`已导出 Word 文档：${target}`);
    return { path: target };
  });

  ctx.connection.onRequest('shuzhi/import', async (p: ImportParams): Promise<ImportResult> => {
    const file = toPath(p.path);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new ResponseError(DELIVERY_FAILED, `无法读取文件 ${file}。`);
    }
    try {
      const { markdown, title, warnings } = await importDocx(bytes);
      if (warnings.length) ctx.log(`导入 ${file}：${warnings.length} 条格式未能保留（${warnings.slice(0, 3).join('；')}）`);
      return title === undefined ? { markdown } : { markdown, title };
    } catch (e) {
      if (e instanceof DocxReadError) throw new ResponseError(DELIVERY_FAILED, `${e.message}（${path.basename(file)}）。`);
      throw e;
    }
  });

  ctx.connection.onRequest('shuzhi/count', (p: CountParams): CountResult => {
    const text = textOf(p.uri);
    const result: CountResult = { total: countText(text) };
    const ranges = (p.ranges ?? []).filter((r) => r.start.line !== r.end.line || r.start.character !== r.end.character);
    if (ranges.length) {
      const lines = new LineIndex(text);
      result.selection = ranges.reduce((sum, r) => sum + countRange(text, lines.offsetAt(r.start), lines.offsetAt(r.end)), 0);
    }
    const limit = resolveLengthLimit(text, ctx.settings());
    if (limit) {
      result.limit = limit.limit;
      result.limitSource = limit.source;
    }
    return result;
  });
}
