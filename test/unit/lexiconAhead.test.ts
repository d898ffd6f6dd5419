/**
 * The server reads the general lexicon ahead, in chunks between turns of the event loop
 * (readLexicon), instead of at once inside the first check: the table and the messages must be
 * those of the one-go read (loadLexicon), characters split across chunks included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexiconPath, loadLexicon, readLexicon } from '../../server/src/io/lexicon';
import { tempDir } from '../helpers/tmp';

test('the lexicon read in chunks is the table read at once', async () => {
  // Many chunks of 64 KB: the 6 MB file's three-byte characters straddle their edges.
  assert.ok(statSync(lexiconPath()).size > 1 << 20, 'the built lexicon (npm run build)');
  const ahead = await readLexicon();
  const once = loadLexicon();
  assert.ok(ahead.lexicon && once.lexicon, ahead.error ?? once.error);
  assert.deepEqual(ahead.lexicon, once.lexicon);
  for (const w of ['工作', '落实', '述职']) assert.equal(ahead.lexicon.q(w), once.lexicon.q(w));
});

test('a missing lexicon gives the same message either way', async () => {
  const path = '/nonexistent/shuzhi-lexicon.txt';
  const ahead = await readLexicon(path);
  assert.equal(ahead.lexicon, undefined);
  assert.equal(ahead.error, loadLexicon(path).error);
  assert.match(ahead.error!, /找不到词表文件/);
});

test('a lexicon file without its last newline reads the same way too', async (t) => {
  const path = join(tempDir(t, 'shuzhi-lexicon-'), 'lexicon.txt');
  writeFileSync(path, readFileSync(lexiconPath(), 'utf8').trimEnd());
  const ahead = await readLexicon(path);
  assert.ok(ahead.lexicon, ahead.error);
  assert.deepEqual(ahead.lexicon, loadLexicon(path).lexicon);
});
