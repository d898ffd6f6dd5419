/**
 * The getting-started walkthrough as package.json declares it (written by
 * client/scripts/updateManifest.ts): every step has its title and description in both
 * languages, a button in each language, buttons and completion events that name commands
 * which exist, and step pages on disk in English and Chinese (client/scripts/checkVsix.ts
 * checks that the .vsix ships them).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.join(__dirname, '..', '..');
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; svg?: string };
  completionEvents?: string[];
}
interface Walkthrough {
  id: string;
  title: string;
  description: string;
  steps: Step[];
}
const pkg = JSON.parse(read('package.json')) as {
  publisher: string;
  name: string;
  contributes: { commands: { command: string }[]; walkthroughs: Walkthrough[] };
};
const bundles = {
  en: JSON.parse(read('package.nls.json')) as Record<string, string>,
  'zh-cn': JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>,
};

/** VS Code's own commands the walkthrough uses (checked against VS Code 1.139 in code-server). */
const BUILTIN_COMMANDS = new Set([
  'workbench.action.files.openFile',
  'outline.focus',
  'workbench.actions.view.problems',
  'acceptSelectedSuggestion',
]);
const contributed = new Set(pkg.contributes.commands.map((c) => c.command));

/** Commands registered by the client's code (`registerCommand('shuzhi.…'`). */
function registeredCommands(dir = path.join(root, 'client/src')): Set<string> {
  const out = new Set<string>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) registeredCommands(p).forEach((c) => out.add(c));
    else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/registerCommand\(\s*'([^']+)'/g)) out.add(m[1]);
  }
  return out;
}
const registered = registeredCommands();

/** The nls value behind a `%key%` string, in one language. */
function localised(value: string, lang: keyof typeof bundles): string {
  const m = /^%(.+)%$/.exec(value);
  assert.ok(m, `${value} is not an nls key`);
  const text = bundles[lang][m[1]];
  assert.equal(typeof text, 'string', `package.nls${lang === 'en' ? '' : '.' + lang}.json has no ${m[1]}`);
  assert.notEqual(text.trim(), '', `${m[1]} is empty in ${lang}`);
  return text;
}

/** Command ids of `command:` links; `command:toSide:x` runs x beside the walkthrough. */
function linkedCommands(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:(?:toSide:)?([^)?\s]+)/g)].map((m) => m[1]);
}
/** Buttons: a line that is one link and nothing else (VS Code renders it as a button). */
function buttons(markdown: string): string[] {
  return markdown.split('\n').filter((l) => /^\s*\[[^\]]+\]\([^)]+\)\s*$/.test(l));
}

function knownCommand(id: string): boolean {
  if (id.startsWith('shuzhi.')) return contributed.has(id) && registered.has(id);
  return BUILTIN_COMMANDS.has(id);
}

const walkthroughs = pkg.contributes.walkthroughs ?? [];

test('one walkthrough with the five steps of a first report, in order', () => {
  assert.equal(walkthroughs.length, 1);
  assert.deepEqual(walkthroughs[0].steps.map((s) => s.id), ['draft', 'template', 'completion', 'check', 'export']);
});

test('the client opens the walkthrough the manifest declares', () => {
  const src = read('client/src/commands/walkthrough.ts');
  const id = /WALKTHROUGH_ID = '([^']+)'/.exec(src)?.[1];
  assert.equal(id, walkthroughs[0].id);
  assert.ok(registered.has('shuzhi.showWalkthrough') && contributed.has('shuzhi.showWalkthrough'));
});

for (const w of walkthroughs) {
  test(`walkthrough ${w.id}: title and description in English and Chinese`, () => {
    for (const lang of ['en', 'zh-cn'] as const) {
      localised(w.title, lang);
      localised(w.description, lang);
    }
    assert.match(localised(w.title, 'zh-cn'), /\p{Script=Han}{2}/u);
  });

  for (const step of w.steps) {
    test(`step ${step.id}: texts in both languages, each with a button that runs a known command`, () => {
      localised(step.title, 'en');
      assert.match(localised(step.title, 'zh-cn'), /\p{Script=Han}{2}/u);
      const perLang = (['en', 'zh-cn'] as const).map((lang) => {
        const text = localised(step.description, lang);
        const own = buttons(text);
        assert.ok(own.length > 0, `${step.id} (${lang}) has no button`);
        for (const b of own) assert.ok(knownCommand(linkedCommands(b)[0] ?? ''), `${step.id} (${lang}): the button ${b} runs an unknown command`);
        const links = linkedCommands(text);
        for (const c of links) assert.ok(knownCommand(c), `${step.id} (${lang}) links to an unknown command ${c}`);
        return links;
      });
      // A translation keeps every button and link of the English text, in the same order.
      assert.deepEqual(perLang[1], perLang[0]);
      assert.notEqual(localised(step.description, 'zh-cn'), localised(step.description, 'en'));
    });

    test(`step ${step.id}: completion events name known commands, one of them a button of the step`, () => {
      const events = step.completionEvents ?? [];
      assert.ok(events.length > 0, `${step.id} has no completion events`);
      const commands = events.filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
      for (const c of commands) assert.ok(knownCommand(c), `${step.id}: completion event on an unknown command ${c}`);
      const linked = linkedCommands(localised(step.description, 'en'));
      assert.ok(commands.some((c) => linked.includes(c)), `${step.id}: pressing none of its buttons ticks it off`);
    });

    test(`step ${step.id}: its page exists in English and as .nls.zh-cn.md in Chinese`, () => {
      const page = step.media.markdown;
      assert.ok(page, `${step.id} has no Markdown page`);
      const zh = page.replace(/\.md$/, '.nls.zh-cn.md');
      for (const f of [page, zh]) assert.ok(existsSync(path.join(root, f)), `${f} is missing`);
      assert.match(read(zh), /\p{Script=Han}{4}/u);
      assert.notEqual(read(zh), read(page));
    });
  }
}
