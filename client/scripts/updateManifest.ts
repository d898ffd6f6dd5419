/**
 * Writes the extension-side keys of package.json — `contributes`, `activationEvents`,
 * `capabilities`, `icon`, `galleryBanner` — and leaves every other key as it is. The settings
 * schema is generated from DEFAULT_SETTINGS and the lint rule registry, so defaults and rule ids
 * are never kept by hand in two places.
 *
 *   node --import tsx client/scripts/updateManifest.ts          # rewrite package.json
 *   node --import tsx client/scripts/updateManifest.ts --check  # exit 1 when it is out of date
 *
 * Descriptions are `%keys%` of package.nls.json (English) and package.nls.zh-cn.json (Chinese);
 * the check also fails when a key is missing from either file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/engine/lint/registry';
import { CHOOSABLE_REPORT_TYPES } from '../../server/src/engine/report/reportTypeTable';
import { DEFAULT_SETTINGS, SETTING_RANGES, type RangedSetting } from '../../server/src/engine/settings';

const root = path.resolve(__dirname, '../..');
const pkgPath = path.join(root, 'package.json');

type Schema = Record<string, unknown>;

const RULE_LEVELS = ['off', 'hint', 'info', 'warning', 'error'];
/** '' (infer from the title), then the types a writer chooses by name (engine/report/reportTypeTable.ts). */
const REPORT_TYPES = ['', ...CHOOSABLE_REPORT_TYPES.map((t) => t.choice)];

/** One `shuzhi.*` setting; `key` is the nls key stem. */
function setting(key: string, schema: Schema): [string, Schema] {
  return [`shuzhi.${key}`, { ...schema, markdownDescription: `%config.${key}%` }];
}

/** A numeric setting: its type and bounds from SETTING_RANGES (engine/settings.ts), which normalizeSettings checks too. */
function ranged(key: RangedSetting, value: number, extra: Schema = {}): [string, Schema] {
  const { type, minimum, maximum } = SETTING_RANGES[key];
  return setting(key, { type, default: value, minimum, maximum, ...extra });
}

const d = DEFAULT_SETTINGS;
const e = d.export;
const properties = Object.fromEntries([
  setting('corpusPaths', { type: 'array', items: { type: 'string' }, default: d.corpusPaths, scope: 'machine-overridable' }),
  setting('useBundledCorpus', { type: 'boolean', default: d.useBundledCorpus }),
  ranged('maxFileSizeMB', d.maxFileSizeMB),
  setting('reportType', {
    type: 'string',
    default: d.reportType,
    enum: REPORT_TYPES,
    markdownEnumDescriptions: REPORT_TYPES.map((_, i) => `%config.reportType.enum.${i}%`),
    scope: 'resource',
  }),
  setting('completion.enable', { type: 'boolean', default: d.completion.enable, scope: 'language-overridable' }),
  ranged('completion.maxItems', d.completion.maxItems),
  ranged('completion.minPrefix', d.completion.minPrefix),
  setting('completion.inline', { type: 'boolean', default: d.completion.inline, scope: 'language-overridable' }),
  ranged('completion.confidence', d.completion.confidence),
  ranged('hover.maxExamples', d.hover.maxExamples),
  setting('lint.rules', {
    type: 'object',
    default: d.lint.rules,
    // One property per rule of the registry, so ids complete and typos are flagged.
    properties: Object.fromEntries(
      RULES.map((r) => [r.id, { type: 'string', enum: RULE_LEVELS, default: r.defaultSeverity, description: r.description }]),
    ),
    additionalProperties: false,
    scope: 'resource',
  }),
  setting('outline.showOrdinals', { type: 'boolean', default: d.outline.showOrdinals }),
  ranged('length.limit', d.length.limit, { scope: 'resource' }),
  ranged('review.copyMinChars', d.review.copyMinChars, { scope: 'resource' }),
  setting('review.words', { type: 'array', items: { type: 'string' }, default: d.review.words, scope: 'resource' }),
  setting('export.titleFont', { type: 'string', default: e.titleFont }),
  ranged('export.titleSize', e.titleSize),
  setting('export.bodyFont', { type: 'string', default: e.bodyFont }),
  ranged('export.bodySize', e.bodySize),
  setting('export.heading1Font', { type: 'string', default: e.heading1Font }),
  setting('export.heading2Font', { type: 'string', default: e.heading2Font }),
  setting('export.heading3Font', { type: 'string', default: e.heading3Font }),
  setting('export.pageNumberFont', { type: 'string', default: e.pageNumberFont }),
  ranged('export.pageNumberSize', e.pageNumberSize),
  ranged('export.lineSpacing', e.lineSpacing),
]);

// Every bounded setting is in the schema with its bounds.
for (const key of Object.keys(SETTING_RANGES)) if (!(`shuzhi.${key}` in properties)) throw new Error(`SETTING_RANGES.${key} is not in the settings schema`);

const commands = [
  ['insertTemplate', 'file-text'],
  ['findSimilar', 'search'],
  ['suggestPhrases', 'list-unordered'],
  ['addCorpusFolder', 'new-folder'],
  ['rebuildIndex', 'refresh'],
  ['clearCache', 'trash'],
  ['showStats', 'graph'],
  ['exportDocx', 'export'],
  ['importDocx', 'cloud-download'],
  ['newDraft', 'new-file'],
  ['tryCompletion', 'lightbulb'],
  ['showOutline', 'list-tree'],
  ['showWalkthrough', 'book'],
  ['openDashboard', 'pulse'],
  ['review', 'checklist'],
].map(([id, icon]) => ({ command: `shuzhi.${id}`, title: `%command.${id}%`, category: '%command.category%', icon: `$(${icon})` }));

const isMarkdown = 'editorLangId == markdown';

/**
 * The getting-started walkthrough, for people who have never used VS Code: one step per thing a
 * writer does, each with a button (a Markdown link alone on its line) that does it. Titles and
 * descriptions are nls keys; `command:toSide:` runs the command in the editor group beside the
 * walkthrough, where the draft is, while the walkthrough is wide (see client/src/commands/walkthrough.ts
 * for when it is not). Step media are Markdown files: VS Code shows
 * `<name>.nls.<language>.md` when it exists (so `.nls.zh-cn.md` in Chinese), else `<name>.md`.
 */
const WALKTHROUGH_MEDIA_DIR = 'client/media/walkthrough';
const walkthroughSteps: [id: string, completionEvents: string[]][] = [
  ['draft', ['onCommand:shuzhi.newDraft', 'onCommand:shuzhi.importDocx', 'onCommand:workbench.action.files.openFile']],
  ['template', ['onCommand:shuzhi.insertTemplate']],
  // Accepting from the keyboard runs acceptSelectedSuggestion; a mouse click on a row does not.
  ['completion', ['onCommand:acceptSelectedSuggestion', 'onCommand:shuzhi.tryCompletion']],
  ['check', ['onCommand:shuzhi.showOutline', 'onCommand:outline.focus', 'onCommand:workbench.actions.view.problems']],
  ['export', ['onCommand:shuzhi.exportDocx']],
];
const walkthroughs = [
  {
    id: 'gettingStarted',
    title: '%walkthrough.title%',
    description: '%walkthrough.description%',
    steps: walkthroughSteps.map(([id, completionEvents]) => ({
      id,
      title: `%walkthrough.${id}.title%`,
      description: `%walkthrough.${id}.description%`,
      media: { markdown: `${WALKTHROUGH_MEDIA_DIR}/${id}.md` },
      completionEvents,
    })),
  },
];
const contributes = {
  configuration: { title: '%config.title%', properties },
  commands,
  menus: {
    commandPalette: [
      { command: 'shuzhi.insertTemplate', when: isMarkdown },
      { command: 'shuzhi.findSimilar', when: isMarkdown },
      { command: 'shuzhi.suggestPhrases', when: isMarkdown },
      { command: 'shuzhi.exportDocx', when: isMarkdown },
      // A walkthrough button (it focuses the draft and asks for suggestions): Ctrl+Space does that.
      { command: 'shuzhi.tryCompletion', when: 'false' },
      // A walkthrough button too: Explorer: Focus on Outline View does the same from the palette.
      { command: 'shuzhi.showOutline', when: 'false' },
      { command: 'shuzhi.openDashboard', when: isMarkdown },
      { command: 'shuzhi.review', when: isMarkdown },
    ],
    'editor/context': [
      { command: 'shuzhi.findSimilar', when: `${isMarkdown} && editorHasSelection`, group: 'shuzhi@1' },
      { command: 'shuzhi.insertTemplate', when: isMarkdown, group: 'shuzhi@2' },
    ],
    // In the editor's “…” menu rather than its toolbar: not every Markdown file is a report.
    'editor/title': [
      { command: 'shuzhi.exportDocx', when: 'resourceLangId == markdown', group: 'shuzhi@1' },
      // The check-up is a button in the toolbar: it is what a writer opens beside a draft.
      { command: 'shuzhi.openDashboard', when: 'resourceLangId == markdown', group: 'navigation@90' },
    ],
    'explorer/context': [
      { command: 'shuzhi.exportDocx', when: 'resourceLangId == markdown', group: 'shuzhi@1' },
      { command: 'shuzhi.importDocx', when: 'resourceExtname == .docx', group: 'shuzhi@2' },
      { command: 'shuzhi.addCorpusFolder', when: 'explorerResourceIsFolder', group: 'shuzhi@3' },
    ],
  },
  walkthroughs,
  grammars: [
    { scopeName: 'shuzhi.injection', path: './syntaxes/shuzhi.injection.tmLanguage.json', injectTo: ['text.html.markdown'] },
  ],
  configurationDefaults: {
    '[markdown]': {
      // What appears by itself is the ghost text (inline completion) of a confident continuation;
      // the full list of phrases opens on demand (Ctrl+Space), so quick suggestions stay off.
      'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
      'editor.inlineSuggest.enabled': true,
      // Word-based suggestions would bury corpus phrases under every word of the draft.
      'editor.wordBasedSuggestions': 'off',
      'editor.suggestOnTriggerCharacters': true,
      // editor.suggest.showWords is left alone: it hides items of kind Text, which phrases may be.
    },
  },
};

const manifestKeys = {
  activationEvents: ['onLanguage:markdown', 'workspaceContains:**/.shuzhirc.json'],
  contributes,
  capabilities: {
    untrustedWorkspaces: {
      supported: 'limited',
      description: '%untrusted.description%',
      restrictedConfigurations: ['shuzhi.corpusPaths'],
    },
    virtualWorkspaces: { supported: false, description: '%virtual.description%' },
  },
  icon: 'client/media/icon.png',
  galleryBanner: { color: '#8B1A1A', theme: 'dark' },
};

/** Every `%key%` used in the generated keys. */
function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => nlsKeys(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => nlsKeys(v, out));
  return out;
}

function main(): number {
  const check = process.argv.includes('--check');
  const text = fs.readFileSync(pkgPath, 'utf8');
  const pkg = JSON.parse(text) as Record<string, unknown>;
  // Keep the key order of the file; keys it lacks go before `scripts`.
  const out: Record<string, unknown> = {};
  const pending = new Map(Object.entries(manifestKeys));
  for (const [k, v] of Object.entries(pkg)) {
    if (k === 'scripts') for (const [pk, pv] of pending) (out[pk] = pv, pending.delete(pk));
    if (pending.has(k)) {
      out[k] = pending.get(k);
      pending.delete(k);
    } else out[k] = v;
  }
  for (const [pk, pv] of pending) out[pk] = pv;
  const next = JSON.stringify(out, null, 2) + '\n';

  let ok = true;
  const used = nlsKeys({ ...manifestKeys, description: pkg.description });
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const bundle = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
    const missing = [...used].filter((k) => typeof bundle[k] !== 'string');
    if (missing.length > 0) {
      ok = false;
      console.error(`${file}: missing ${missing.join(', ')}`);
    }
  }
  if (check) {
    if (next !== text) {
      console.error('package.json: extension keys are out of date; run node --import tsx client/scripts/updateManifest.ts');
      ok = false;
    }
    return ok ? 0 : 1;
  }
  if (next !== text) fs.writeFileSync(pkgPath, next);
  console.log(next !== text ? 'package.json updated' : 'package.json already up to date');
  return ok ? 0 : 1;
}

process.exitCode = main();
