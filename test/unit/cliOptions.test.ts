/**
 * Every command holds to the options it declares (server/src/cli/options.ts): what it does not
 * take, a value missing or given to a flag, a single-use option given twice are exit 2 with one
 * plain sentence that names the option, and a flag is never asked for a value.
 * The commands and options are read from the declaration, so a command added later is covered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import { COMMAND_SPECS, parseCommandArgs, usageLine, type CommandName, type OptionSpecs } from '../../server/src/cli/options';
import { UsageError } from '../../server/src/cli/io';
import { buildDocx } from '../../server/src/engine/delivery/docxExport';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { tempFolders } from '../helpers/tmp';

/** A fresh temporary folder, removed when the file's tests are done. */
const tmp = tempFolders();

const DRAFT = ['2024年述职报告', '', '一、履职情况', '', '组织学习12次。', '', '二、存在的问题', '', '学习不够深入。', '', '三、下一步打算', '', '加强学习。', ''].join('\n');

const COMMANDS = Object.keys(COMMAND_SPECS) as CommandName[];
const optionsOf = (c: CommandName): OptionSpecs => COMMAND_SPECS[c].options;

/** A folder with a draft, a Word file and an empty corpus folder; the bundled corpus is not read. */
async function workspace(): Promise<string> {
  const dir = tmp('shuzhi-cli-options-');
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  fs.writeFileSync(path.join(dir, 'last.docx'), await buildDocx(DRAFT, DEFAULT_SETTINGS.export));
  fs.mkdirSync(path.join(dir, 'corpus'));
  return dir;
}

/** Arguments that make `cmd` run for real in `dir` (so only the option under test can fail it). */
function validArgs(cmd: CommandName): string[] {
  const corpus = 'corpus' in optionsOf(cmd) ? ['--no-default-corpus', '--corpus', 'corpus'] : [];
  const positional: Record<CommandName, string[]> = {
    corpus: [],
    outline: ['draft.md'],
    lint: ['draft.md'],
    search: ['学习'],
    count: ['draft.md'],
    export: ['draft.md', '-o', 'out.docx', '--force'],
    import: ['last.docx', '-o', 'out.md', '--force'],
    review: ['draft.md'],
  };
  return [...positional[cmd], ...corpus];
}

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

/** Exit 2, nothing on stdout, one Chinese sentence on stderr that contains `names`. */
function assertOneSentence(r: { code: number; out: string; err: string }, names: string, what: string): void {
  assert.equal(r.code, 2, `${what}: ${r.err}`);
  assert.equal(r.out, '', what);
  assert.equal(r.err.trim().split('\n').length, 1, `${what}: ${r.err}`);
  assert.match(r.err, /\p{Script=Han}/u, what);
  assert.ok(r.err.includes(names), `${what}: “${r.err.trim()}” should name ${names}`);
}

test('every command runs with its valid arguments (the baseline the other tests change one thing in)', async () => {
  const dir = await workspace();
  for (const cmd of COMMANDS) {
    const r = await cli([cmd, ...validArgs(cmd)], dir);
    assert.ok(r.code === 0 || r.code === 1, `${cmd}: exit ${r.code} ${r.err}`);
  }
});

test('every command rejects an unknown option, wherever it stands, with exit 2 and a sentence naming it', async () => {
  const dir = await workspace();
  for (const cmd of COMMANDS) {
    const args = validArgs(cmd);
    for (const bogus of [['--bogus', 'x'], ['--bogus'], ['--bogus=1'], ['-Z']]) {
      for (const at of [0, args.length]) {
        const r = await cli([cmd, ...args.slice(0, at), ...bogus, ...args.slice(at)], dir);
        assertOneSentence(r, bogus[0].split('=')[0], `${cmd} ${bogus.join(' ')} at ${at}`);
      }
    }
  }
});

test('an option of another command is rejected and its owner named (count --limit 5)', async () => {
  const dir = await workspace();
  let checked = 0;
  for (const cmd of COMMANDS) {
    for (const other of COMMANDS) {
      for (const [name, spec] of Object.entries(optionsOf(other))) {
        if (name in optionsOf(cmd)) continue;
        const r = await cli([cmd, ...validArgs(cmd), `--${name}`, ...(spec.value ? ['5'] : [])], dir);
        assertOneSentence(r, `--${name}`, `${cmd} --${name}`);
        assert.ok(r.err.includes(other), `${cmd} --${name}: names ${other} as taking it: ${r.err}`);
        assert.ok(!r.err.includes('缺少取值'), `${cmd} --${name}`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 20, `${checked} misplaced options checked`);
});

test('a flag is never asked for a value, last or not, and works where it belongs', async () => {
  const dir = await workspace();
  const flags = [...new Set(COMMANDS.flatMap((c) => Object.entries(optionsOf(c)).filter(([, o]) => !o.value).map(([n]) => n)))];
  assert.ok(flags.includes('no-default-corpus') && flags.includes('force') && flags.includes('items') && flags.includes('list-rules'));
  for (const cmd of COMMANDS) {
    for (const flag of flags) {
      for (const args of [[...validArgs(cmd), `--${flag}`], [`--${flag}`, ...validArgs(cmd)]]) {
        const r = await cli([cmd, ...args], dir);
        assert.ok(!r.err.includes('缺少取值'), `${cmd} ${args.join(' ')}: ${r.err}`);
        if (flag in optionsOf(cmd)) assert.ok(r.code === 0 || r.code === 1, `${cmd} ${args.join(' ')}: exit ${r.code} ${r.err}`);
        else assertOneSentence(r, `--${flag}`, `${cmd} --${flag}`);
      }
    }
  }
});

test('a value option without its value, or followed by another option, says the value is missing', async () => {
  const dir = await workspace();
  for (const cmd of COMMANDS) {
    for (const [name, spec] of Object.entries(optionsOf(cmd))) {
      if (!spec.value) continue;
      const last = await cli([cmd, ...validArgs(cmd), `--${name}`], dir);
      assertOneSentence(last, `--${name}`, `${cmd} … --${name}`);
      assert.match(last.err, /缺少取值/);
      const before = await cli([cmd, `--${name}`, '--format', 'json', ...validArgs(cmd)], dir);
      // --format --format: the second is taken for an option, not a value, either way.
      assertOneSentence(before, `--${name}`, `${cmd} --${name} --format json`);
      assert.match(before.err, /缺少取值/);
    }
  }
});

test('a flag given a value, and a single-use option given twice, are exit 2 with the option named', async () => {
  const dir = await workspace();
  assertOneSentence(await cli(['outline', 'draft.md', '--items=yes'], dir), '--items', 'flag with a value');
  assertOneSentence(await cli(['export', 'draft.md', '--force=no'], dir), '--force', 'flag with a value');
  assertOneSentence(await cli(['count', 'draft.md', '--format', 'json', '--format', 'text'], dir), '--format', 'format twice');
  assertOneSentence(await cli(['search', '学习', '--limit', '2', '--limit=3', '--no-default-corpus'], dir), '--limit', 'limit twice');
  // A flag twice means the same thing; a repeatable option collects its values.
  const twice = await cli(['lint', 'draft.md', '--no-default-corpus', '--no-default-corpus', '--rule', 'placeholder=off', '--rule', 'section-missing=error', '--format', 'json'], dir);
  assert.equal(twice.code, 0, twice.err);
});

test('the parser: long, short, inline and -- forms give the same values; positionals keep their order', () => {
  const a = parseCommandArgs('import', ['x.docx', '-o', 'a.md', '--force']);
  const b = parseCommandArgs('import', ['--output=a.md', 'x.docx', '--force']);
  const c = parseCommandArgs('import', ['-o=a.md', '--force', 'x.docx']);
  const d = parseCommandArgs('import', ['-oa.md', '--force', '--', 'x.docx']);
  for (const p of [a, b, c, d]) {
    assert.deepEqual(p.positional, ['x.docx']);
    assert.deepEqual(p.flags.get('output'), ['a.md']);
    assert.deepEqual(p.flags.get('force'), ['true']);
  }
  assert.deepEqual(parseCommandArgs('import', ['x.docx', '-o', '-']).flags.get('output'), ['-'], '“-” alone is a value (stdout)');
  const lint = parseCommandArgs('lint', ['a.md', '--rule', 'x=off', 'b.md', '--rule=y=error', '--', '--c.md']);
  assert.deepEqual(lint.positional, ['a.md', 'b.md', '--c.md']);
  assert.deepEqual(lint.flags.get('rule'), ['x=off', 'y=error']);
  assert.throws(() => parseCommandArgs('count', ['a.md', '--output', 'x']), (e: unknown) => e instanceof UsageError && /export、import/.test(e.message));
});

test('a file whose name starts with “-” is read after --', async () => {
  const dir = await workspace();
  fs.copyFileSync(path.join(dir, 'draft.md'), path.join(dir, '-draft.md'));
  const r = await cli(['count', '--format', 'json', '--', '-draft.md'], dir);
  assert.equal(r.code, 0, r.err);
  assert.ok(JSON.parse(r.out).total > 0);
});

test('--help / -h on any command prints its usage line, built from the same declaration, exit 0', async () => {
  const dir = await workspace();
  for (const cmd of COMMANDS) {
    for (const h of ['--help', '-h']) {
      const r = await cli([cmd, ...validArgs(cmd), h], dir);
      assert.equal(r.code, 0, `${cmd} ${h}`);
      assert.ok(r.out.includes(usageLine(cmd)), r.out);
      for (const name of Object.keys(optionsOf(cmd))) assert.ok(r.out.includes(`--${name}`), `${cmd} usage shows --${name}`);
    }
  }
  const top = await cli(['--help'], dir);
  for (const cmd of COMMANDS) assert.ok(top.out.includes(usageLine(cmd)), cmd);
});
