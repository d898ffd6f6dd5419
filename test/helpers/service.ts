/**
 * The server's feature functions in-process, without a connection: a stand-in server context
 * (documents, settings, a corpus store) and its Service (features/service.ts). `at` reads a
 * cursor marker: `'我们要坚定|'` is the text `我们要坚定` with the cursor at its end, as
 * vscode-css-languageservice's tests write positions.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../../server/src/context';
import { CorpusStore } from '../../server/src/engine/corpus/store';
import type { Draft } from '../../server/src/engine/lint/draft';
import { normalizeSettings, type Settings } from '../../server/src/engine/settings';
import type { CorpusReport } from '../../server/src/engine/types';
import { serviceOf, type Service } from '../../server/src/features/service';

export const CURSOR = '|';

export interface TestService {
  service: Service;
  settings: Settings;
  /** Opens `text` as a document (a new URI each time) and returns its Draft. */
  open(text: string): Draft;
  /** Opens `marked` without its cursor marker: the Draft and the LSP position of the marker. */
  at(marked: string): { draft: Draft; position: { line: number; character: number } };
}

export function testService(reports: CorpusReport[] = [], settings: Settings = normalizeSettings({})): TestService {
  const docs = new Map<string, TextDocument>();
  const corpus = new CorpusStore();
  if (reports.length) corpus.set(reports);
  const ctx = {
    // Feature functions never reach the connection: only register() does.
    connection: undefined,
    documents: {
      get: (uri: string) => docs.get(uri),
      all: () => [...docs.values()],
      onDidClose: () => ({ dispose() {} }),
    },
    settings: () => settings,
    corpus,
    log: () => undefined,
    onSettingsChanged: () => undefined,
    corpusSettled: async () => undefined,
    workspaceRoot: () => undefined,
  } as unknown as ServerContext;
  const service = serviceOf(ctx);
  let n = 0;
  const open = (text: string): Draft => {
    const doc = TextDocument.create(`file:///draft-${n++}.md`, 'markdown', 1, text);
    docs.set(doc.uri, doc);
    return service.draft(doc);
  };
  return {
    service,
    settings,
    open,
    at(marked) {
      const offset = marked.indexOf(CURSOR);
      if (offset < 0) throw new Error(`no cursor marker ${CURSOR} in ${JSON.stringify(marked)}`);
      const draft = open(marked.slice(0, offset) + marked.slice(offset + 1));
      return { draft, position: draft.lines.positionAt(offset) };
    },
  };
}
