/**
 * The Chinese Markdown draft the in-editor scenarios work on, recreated in a fresh temp folder
 * each run (code-server saves edits to disk). It has known defects: the 下一步打算 part is
 * missing (a missing-section warning with a quick fix) and a figure is left as `xx`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DRAFT_NAME = '2024年度述职报告.md';

/** Lines of the draft; the scenarios refer to them by the markers below, not by number. */
export const DRAFT_LINES = [
  '某某局办公室主任2024年度述职报告',
  '',
  '　　一年来，在局党组的坚强领导下，我认真履行岗位职责，现将有关情况报告如下：',
  '',
  '一、履职情况',
  '',
  '　　（一）加强理论学习。坚持把学习作为第一要务，认真落实“三会一课”制度，全年参加集中学习xx次。',
  '',
  '　　（二）推动工作落实。一是抓好统筹协调；二是抓好督查督办。我始终',
  '',
  '二、存在的问题',
  '',
  '　　一是理论学习不够深入；二是工作创新不够。',
  '',
  '　　述职完毕，请批评指正。',
  '',
];

/** 1-based line where scenario (a) types at the end. */
export const TYPE_LINE = DRAFT_LINES.findIndex((l) => l.endsWith('我始终')) + 1;
/** Phrase scenario (b) hovers. */
export const HOVER_PHRASE = '三会一课';
/** 1-based line holding the hovered phrase. */
export const HOVER_LINE = DRAFT_LINES.findIndex((l) => l.includes(HOVER_PHRASE)) + 1;
/** Section names scenario (c) expects in the Outline. */
export const OUTLINE_SECTIONS = ['履职情况', '存在的问题'];
/** Words identifying the missing part in scenario (d) (SECTION_KIND_NAMES.next and its variants). */
export const MISSING_PART = /下一步|下步|打算|今后/;

export interface Workspace {
  dir: string;
  draft: string;
}

/** Creates the workspace folder with the draft and the user settings code-server starts with. */
export function createWorkspace(root: string): Workspace {
  const dir = path.join(root, 'workspace');
  fs.mkdirSync(dir, { recursive: true });
  const draft = path.join(dir, DRAFT_NAME);
  fs.writeFileSync(draft, DRAFT_LINES.join('\n'), 'utf8');
  return { dir, draft };
}

/** User settings: a quiet workbench, no auto save (the scenarios save explicitly), a CJK font. */
export function writeUserSettings(dataDir: string): void {
  const user = path.join(dataDir, 'User');
  fs.mkdirSync(user, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'files.autoSave': 'off',
    'editor.fontFamily': "'WenQuanYi Zen Hei Mono', 'WenQuanYi Zen Hei', monospace",
    'editor.hover.delay': 300,
    'editor.minimap.enabled': false,
    'window.restoreWindows': 'none',
  };
  fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify(settings, null, 2));
}
