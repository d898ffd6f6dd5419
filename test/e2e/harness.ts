/**
 * Runs a real VS Code for the in-editor scenarios: code-server (installed by setup.sh) with the
 * built extension, driven by Debian's Chromium through playwright-core. Everything lives in a
 * fresh temp folder; the processes started here are ended by their ids.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createWorkspace, writeUserSettings, type Workspace } from './fixtures';

export const ROOT = path.resolve(__dirname, '../..');
export const RESULTS = path.join(ROOT, 'test-results/e2e');

export interface Harness {
  page: Page;
  workspace: Workspace;
  tmp: string;
  codeServerLog: string;
  close(): Promise<void>;
}

interface Env {
  nodeHome: string;
  codeServer: string;
  chromium: string;
}

function env(): Env {
  const need = (name: string) => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is not set: run test/e2e/run.sh (it sources the cache made by setup.sh)`);
    return v;
  };
  return {
    nodeHome: need('SHUZHI_E2E_NODE_HOME'),
    codeServer: need('SHUZHI_E2E_CODE_SERVER'),
    chromium: process.env.SHUZHI_E2E_CHROMIUM ?? '/usr/bin/chromium',
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a value (not undefined/false) or the attempts run out. */
export async function poll<T>(check: () => Promise<T | undefined | false>, attempts: number, delayMs: number): Promise<T | undefined> {
  for (let i = 0; i < attempts; i++) {
    const v = await check().catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, delayMs));
  }
  return undefined;
}

/** Files of the built extension, as the .vscodeignore lets them into the vsix. */
const EXTENSION_FILES = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'dist', 'corpus', 'syntaxes', 'l10n', 'client/media/icon.png', 'client/media/walkthrough', 'README.md'];

/** Installs the extension: the vsix named by SHUZHI_E2E_VSIX, else a copy of the built files. */
function installExtension(e: Env, extDir: string, childEnv: NodeJS.ProcessEnv, configFile: string): void {
  const vsix = process.env.SHUZHI_E2E_VSIX;
  if (vsix) {
    const r = spawnSync(e.codeServer, ['--config', configFile, '--extensions-dir', extDir, '--install-extension', path.resolve(vsix)], { env: childEnv, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
    return;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const target = path.join(extDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  if (!fs.existsSync(path.join(ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run npm run build');
  for (const f of EXTENSION_FILES) {
    const from = path.join(ROOT, f);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(target, f), { recursive: true });
  }
}

export async function startHarness(): Promise<Harness> {
  const e = env();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-e2e-'));
  const dataDir = path.join(tmp, 'data');
  const extDir = path.join(tmp, 'ext');
  const configFile = path.join(tmp, 'config.yaml');
  const codeServerLog = path.join(tmp, 'code-server.log');
  fs.mkdirSync(extDir, { recursive: true });
  const workspace = createWorkspace(tmp);
  writeUserSettings(dataDir);
  const port = await freePort();
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.join(e.nodeHome, 'bin')}${path.delimiter}${process.env.PATH}` };
  // Keep code-server's own state out of the home folder.
  childEnv.XDG_CONFIG_HOME = path.join(tmp, 'xdg-config');
  childEnv.XDG_DATA_HOME = path.join(tmp, 'xdg-data');
  // …and the server's corpus snapshots too: every run starts cold, as CI does.
  childEnv.XDG_CACHE_HOME = path.join(tmp, 'xdg-cache');
  installExtension(e, extDir, childEnv, configFile);

  const logFd = fs.openSync(codeServerLog, 'a');
  // detached: its own process group, so closing ends code-server and the processes it started.
  const server: ChildProcess = spawn(
    e.codeServer,
    ['--config', configFile, '--user-data-dir', dataDir, '--extensions-dir', extDir, '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace.dir],
    { env: childEnv, stdio: ['ignore', logFd, logFd], detached: true },
  );
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    if (server.pid !== undefined && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 500));
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        /* ended on SIGTERM */
      }
    }
    fs.closeSync(logFd);
  };
  try {
    const base = `http://127.0.0.1:${port}`;
    const healthy = await poll(async () => (await fetch(`${base}/healthz`)).ok, 60, 500);
    if (!healthy) throw new Error(`code-server did not start; see ${codeServerLog}`);
    context = await chromium.launchPersistentContext(path.join(tmp, 'browser'), {
      executablePath: e.chromium,
      headless: true,
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace.dir)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return { page, workspace, tmp, codeServerLog, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Opens the command palette and returns its input. F1 is pressed again when the palette does
 * not show (focus can be in transit right after another quick input closed).
 */
async function openPalette(page: Page) {
  const input = page.locator('.quick-input-widget input');
  const shown = await poll(async () => {
    await page.keyboard.press('F1');
    return (await input.waitFor({ state: 'visible', timeout: 2000 }).then(() => true, () => undefined));
  }, 5, 300);
  if (!shown) throw new Error('the command palette did not open');
  return input;
}

/** Runs a command by its title through the command palette. */
export async function runCommand(page: Page, title: string): Promise<void> {
  // Click the row whose label is exactly the title: Enter would run whatever ranks first.
  const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  // The palette can close again right after it opened (focus in transit from a webview or another quick
  // input): then the fill finds no input. And it lists commands by the context of when it opened: opened
  // while the focus was still on its way back to the editor, it can miss a command shown only in Markdown
  // editors (seen in scenario (f)). Either way, open it once more rather than wait out the timeouts.
  for (let attempt = 1; ; attempt++) {
    const input = await openPalette(page);
    try {
      await input.fill(`>${title}`, { timeout: 5000 });
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/** Opens a workspace file by clicking its row in the Explorer; waits for its editor tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  // A file a scenario writes after the editor started may never reach the Explorer (its file
  // watcher): after a bounded wait, open it through Quick Open, which searches the folder.
  if (await poll(async () => ((await row.isVisible()) ? true : undefined), 15, 1000)) await row.click();
  else {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(name);
    const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first();
    await pick.waitFor({ state: 'visible', timeout: 20_000 });
    await pick.click();
  }
  await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: 20_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
}

/** Moves the cursor to a 1-based line and column through the Go to Line quick input. */
export async function gotoLine(page: Page, line: number, column?: number): Promise<void> {
  const input = await openPalette(page);
  await input.fill(column === undefined ? `:${line}` : `:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/**
 * Moves the cursor before the character at `index` (0-based, UTF-16) of a 1-based line. Go to
 * Line counts columns visually (a Chinese character is two), so this walks with arrow keys.
 */
export async function gotoChar(page: Page, line: number, index: number): Promise<void> {
  await gotoLine(page, line, 1);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
}

/** Moves the cursor to the end of a 1-based line. */
export async function gotoLineEnd(page: Page, line: number): Promise<void> {
  await gotoLine(page, line);
  await page.keyboard.press('End');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Applies the quick fix titled `title` at the cursor: opens Quick Fix… until the fix is listed
 * (the code actions come after the diagnostics), then picks it. False when it never shows.
 */
export async function applyQuickFix(page: Page, title: string | RegExp, attempts = 10): Promise<boolean> {
  const applied = await poll(async () => {
    await runCommand(page, 'Quick Fix...');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    if (!(await fix.isVisible().catch(() => false))) {
      await page.keyboard.press('Escape');
      return undefined;
    }
    await fix.click();
    return true;
  }, attempts, 1000);
  return applied === true;
}
