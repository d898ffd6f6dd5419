/**
 * mammoth (Word files) is loaded on first use, not when the server starts: its modules cost
 * about 40 ms of every start although most corpora and drafts hold no Word file. Loading the
 * corpus loader, the import of last year's report and the corpus manager must not load it; the
 * first Word file read does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import '../../server/src/engine/corpus/loader';
import '../../server/src/engine/delivery/docxImport';
import '../../server/src/corpusManager';
import { docxToText } from '../../server/src/engine/corpus/docx';

const mammothLoaded = () => Object.keys(require.cache).some((k) => /[\\/]node_modules[\\/]mammoth[\\/]/.test(k));

test('mammoth is not loaded with the modules that read Word files, only by the first one read', async () => {
  assert.equal(mammothLoaded(), false, 'loaded with the modules');
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('某某单位2023年度述职报告')] })] }] }));
  assert.match(await docxToText(bytes), /某某单位2023年度述职报告/);
  assert.equal(mammothLoaded(), true, 'loaded by the first Word file read');
});
