/**
 * Typed settings mirroring the `shuzhi.*` keys of package.json, normalised once at the
 * boundary (workspace/configuration, initializationOptions, .shuzhirc.json, CLI flags).
 */
import completionModel from './completion/model.json';

export type RuleLevel = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface Settings {
  corpusPaths: string[];
  useBundledCorpus: boolean;
  maxFileSizeMB: number;
  /** Report type id or Chinese name; '' = infer from the title / front matter. */
  reportType: string;
  completion: {
    enable: boolean;
    maxItems: number;
    minPrefix: number;
    /** Ghost text (inline completion) for a continuation the model is confident of. */
    inline: boolean;
    /** Least estimated chance that the writer goes on with the ghost text (0–1). */
    confidence: number;
  };
  hover: { maxExamples: number };
  lint: { rules: Record<string, RuleLevel> };
  outline: { showOrdinals: boolean };
  length: { limit: number };
  /** Review (审校): shortest passage shared with one corpus report that counts as copied. */
  review: { copyMinChars: number; words: string[] };
  export: ExportSettings;
}

export interface ExportSettings {
  titleFont: string;
  titleSize: number;
  bodyFont: string;
  bodySize: number;
  heading1Font: string;
  heading2Font: string;
  heading3Font: string;
  pageNumberFont: string;
  pageNumberSize: number;
  lineSpacing: number;
}

export const DEFAULT_SETTINGS: Settings = {
  corpusPaths: [],
  useBundledCorpus: true,
  maxFileSizeMB: 20,
  reportType: '',
  // The confidence is the fitted model's (npm run fit:completion chooses it on held-out reports).
  completion: { enable: true, maxItems: 20, minPrefix: 1, inline: true, confidence: completionModel.confidence },
  hover: { maxExamples: 3 },
  lint: { rules: {} },
  outline: { showOrdinals: false },
  length: { limit: 0 },
  review: { copyMinChars: 30, words: [] },
  export: {
    titleFont: '方正小标宋简体',
    titleSize: 22,
    bodyFont: '仿宋_GB2312',
    bodySize: 16,
    heading1Font: '黑体',
    heading2Font: '楷体_GB2312',
    heading3Font: '仿宋_GB2312',
    pageNumberFont: '宋体',
    pageNumberSize: 14,
    lineSpacing: 28.9,
  },
};

const LEVELS = new Set<RuleLevel>(['off', 'hint', 'info', 'warning', 'error']);

/** The bounds of a numeric setting; `integer` settings take whole numbers only. */
export interface SettingRange {
  type: 'number' | 'integer';
  minimum: number;
  maximum: number;
}

/**
 * The numeric settings and their bounds: the one table normalizeSettings checks values against
 * and the settings schema of package.json is written from (client/scripts/updateManifest.ts).
 * A value outside its range, or a fraction for an integer setting, is dropped (the default stays).
 */
export const SETTING_RANGES = {
  maxFileSizeMB: { type: 'number', minimum: 0.001, maximum: 100_000 },
  'completion.maxItems': { type: 'integer', minimum: 1, maximum: 200 },
  'completion.minPrefix': { type: 'integer', minimum: 0, maximum: 20 },
  'completion.confidence': { type: 'number', minimum: 0, maximum: 1 },
  'hover.maxExamples': { type: 'integer', minimum: 0, maximum: 50 },
  'length.limit': { type: 'integer', minimum: 0, maximum: 10_000_000 },
  'review.copyMinChars': { type: 'integer', minimum: 8, maximum: 10_000 },
  'export.titleSize': { type: 'number', minimum: 5, maximum: 72 },
  'export.bodySize': { type: 'number', minimum: 5, maximum: 72 },
  'export.pageNumberSize': { type: 'number', minimum: 5, maximum: 72 },
  'export.lineSpacing': { type: 'number', minimum: 0, maximum: 100 },
} as const satisfies Record<string, SettingRange>;
export type RangedSetting = keyof typeof SETTING_RANGES;

/** `v` when it is a number within the setting's range (whole for an integer setting), else undefined. */
function inRange(key: RangedSetting, v: unknown): number | undefined {
  const r: SettingRange = SETTING_RANGES[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < r.minimum || v > r.maximum) return undefined;
  return r.type === 'integer' && !Number.isInteger(v) ? undefined : v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Accepts nested (`{completion: {enable}}`) and dotted (`{"completion.enable": …}`) keys,
 * with or without the `shuzhi.` prefix, and drops values of the wrong type.
 */
export function normalizeSettings(...sources: unknown[]): Settings {
  const s: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const raw of sources) {
    if (!isObject(raw)) continue;
    const flat = flatten(isObject(raw.shuzhi) ? raw.shuzhi : raw);
    for (const [key, value] of Object.entries(flat)) apply(s, key.replace(/^shuzhi\./, ''), value);
  }
  return s;
}

function flatten(o: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const key = prefix + k;
    // lint.rules is a map whose keys are rule ids: keep it whole.
    if (isObject(v) && key !== 'lint.rules') Object.assign(out, flatten(v, key + '.'));
    else out[key] = v;
  }
  return out;
}

function apply(s: Settings, key: string, v: unknown): void {
  const num = (k: RangedSetting) => inRange(k, v);
  switch (key) {
    case 'corpusPaths':
      if (Array.isArray(v)) s.corpusPaths = v.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
      return;
    case 'useBundledCorpus':
      if (typeof v === 'boolean') s.useBundledCorpus = v;
      return;
    case 'maxFileSizeMB':
      s.maxFileSizeMB = num('maxFileSizeMB') ?? s.maxFileSizeMB;
      return;
    case 'reportType':
      if (typeof v === 'string') s.reportType = v.trim();
      return;
    case 'completion.enable':
      if (typeof v === 'boolean') s.completion.enable = v;
      return;
    case 'completion.maxItems':
      s.completion.maxItems = num('completion.maxItems') ?? s.completion.maxItems;
      return;
    case 'completion.minPrefix':
      s.completion.minPrefix = num('completion.minPrefix') ?? s.completion.minPrefix;
      return;
    case 'completion.inline':
      if (typeof v === 'boolean') s.completion.inline = v;
      return;
    case 'completion.confidence':
      s.completion.confidence = num('completion.confidence') ?? s.completion.confidence;
      return;
    case 'hover.maxExamples':
      s.hover.maxExamples = num('hover.maxExamples') ?? s.hover.maxExamples;
      return;
    case 'lint.rules':
      if (isObject(v)) {
        for (const [id, level] of Object.entries(v)) {
          if (typeof level === 'string' && LEVELS.has(level as RuleLevel)) s.lint.rules[id] = level as RuleLevel;
        }
      }
      return;
    case 'outline.showOrdinals':
      if (typeof v === 'boolean') s.outline.showOrdinals = v;
      return;
    case 'length.limit':
      s.length.limit = num('length.limit') ?? s.length.limit;
      return;
    case 'review.copyMinChars':
      s.review.copyMinChars = num('review.copyMinChars') ?? s.review.copyMinChars;
      return;
    case 'review.words':
      if (Array.isArray(v)) s.review.words = v.filter((w): w is string => typeof w === 'string' && w.trim() !== '').map((w) => w.trim()).slice(0, 10_000);
      return;
    default:
      if (key.startsWith('export.')) {
        const k = key.slice(7) as keyof ExportSettings;
        const ok = key in SETTING_RANGES ? inRange(key as RangedSetting, v) !== undefined : typeof v === 'string';
        if (k in s.export && typeof v === typeof s.export[k] && ok) (s.export as unknown as Record<string, unknown>)[k] = v;
      }
  }
}
