/**
 * Lint over the wire: what only a running server shows — settings read through
 * workspace/configuration, diagnostics pushed again when settings change or the corpus is
 * reloaded. The diagnostics and code actions themselves are tested in-process
 * (test/unit/features-lint.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusReady, startServer, fileUri } from '../helpers/lspClient';
import { LINT_DRAFT } from '../helpers/lintDrafts';

const DRAFT = LINT_DRAFT;

test('settings: a rule set to off disappears, one set to error is an error', async () => {
  const server = await startServer({ configuration: { lint: { rules: { placeholder: 'error', 'numbering-gap': 'off' } } } });
  try {
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-lint-settings.md'));
    server.open(uri, DRAFT);
    const diags = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'placeholder' && x.severity === 1));
    assert.equal(diags.find((d) => d.code === 'placeholder')!.severity, 1);
    assert.ok(!diags.some((d) => d.code === 'numbering-gap'));
  } finally {
    await server.stop();
  }
});

test('diagnostics are pushed again when settings change and when the corpus is reloaded', async () => {
  // No workspace/configuration capability: the server takes settings from didChangeConfiguration.
  const server = await startServer();
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-lint-push.md'));
    server.open(uri, DRAFT);
    await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'placeholder'));
    server.notify('workspace/didChangeConfiguration', { settings: { shuzhi: { lint: { rules: { placeholder: 'off' } } } } });
    const after = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'placeholder'));
    assert.ok(after.some((d) => d.code === 'numbering-gap'), 'other rules still run');

    server.diagnostics.delete(uri);
    await server.request('shuzhi/rebuild', null);
    const again = await server.waitForDiagnostics(uri, () => true);
    assert.ok(again.some((d) => d.code === 'section-missing'));
  } finally {
    await server.stop();
  }
});
