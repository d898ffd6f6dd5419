/**
 * The same in-editor scenarios as test/e2e, through the VS Code API inside a VS Code that
 * @vscode/test-electron downloads. Machines without access to the download server skip it:
 *
 *   SHUZHI_ELECTRON=1 node --import tsx test/electron/runTest.ts
 *   SHUZHI_VSCODE_EXECUTABLE=/path/to/code SHUZHI_ELECTRON=1 …   # use an installed VS Code
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { createWorkspace, writeUserSettings } from '../e2e/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const SKIP = 'skipped: VS Code cannot be downloaded here; run with SHUZHI_ELECTRON=1 where it can';

async function vscodeExecutable(): Promise<string | undefined> {
  if (process.env.SHUZHI_VSCODE_EXECUTABLE) return process.env.SHUZHI_VSCODE_EXECUTABLE;
  try {
    return await downloadAndUnzipVSCode({ version: 'stable', cachePath: path.join(ROOT, '.cache/vscode-test'), timeout: 15_000 });
  } catch (error) {
    console.log(`VS Code download failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function main(): Promise<number> {
  if (!process.env.SHUZHI_ELECTRON) {
    console.log(SKIP);
    return 0;
  }
  const executable = await vscodeExecutable();
  if (!executable) {
    console.log(SKIP);
    return 0;
  }
  // The extension under test (dist/) and the suite, bundled so the test host loads plain JS.
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) return 1;
  const suite = path.join(ROOT, '.cache/electron/suite/index.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    outfile: suite,
    logLevel: 'warning',
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-electron-'));
  const workspace = createWorkspace(tmp);
  const dataDir = path.join(tmp, 'data');
  writeUserSettings(dataDir);
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      extensionTestsEnv: { SHUZHI_DRAFT: workspace.draft },
      launchArgs: [workspace.dir, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', dataDir, '--extensions-dir', path.join(tmp, 'ext')],
    });
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
