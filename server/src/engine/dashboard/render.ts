/**
 * The check-up page as HTML: the one renderer behind the editor's panel and the CLI's
 * standalone page. Pure string building: every text from the draft or the corpus goes through
 * escapeHtml, charts are inline SVG drawn from numbers, nothing is loaded from anywhere.
 *
 * - `renderDashboardBody(data, locale)`: the part that changes as the writer types (the panel
 *   swaps it in place, keeping scroll and open groups);
 * - `renderDashboard(data, { locale, standalone, nonce, cspSource })`: a whole page with its CSP.
 *   In the panel (standalone false) a small script, allowed by nonce only, turns a click on a
 *   line into `{ type: 'reveal', line }` and takes body updates; the standalone page has no
 *   script at all and follows the system's light or dark scheme.
 */
import { formatCount } from '../delivery/count';
import { escapeHtml as esc } from '../text/escape';
import type { DashboardData, SectionBar } from './data';
import { dashboardStrings, type DashboardLocale, type DashboardStrings } from './strings';

export interface RenderOptions {
  locale: DashboardLocale;
  /** A page for a browser (CLI) rather than for the editor's webview. */
  standalone: boolean;
  /** Nonce (base64) for the page's style and, in the webview, its script; without one the page has neither. */
  nonce?: string;
  /** The webview's own source (`webview.cspSource`), allowed for styles; ignored unless it is one plain source expression. */
  cspSource?: string;
}

/** `0.234` → `23%`; a share under 1% is not rounded to nothing. */
function pct(share: number): string {
  const p = share * 100;
  if (p > 0 && p < 1) return '<1%';
  return `${Math.round(p)}%`;
}

/** A number for an SVG attribute. */
const num = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : 0).toString();

/** An element a click reveals in the editor: the line is an integer the script reads back. */
const lineAttrs = (line: number | undefined) => (line === undefined ? '' : ` data-line="${Math.max(0, Math.trunc(line))}" tabindex="0" role="link"`);

const BAR_W = 200;
const BAR_H = 14;

function sectionSvg(s: SectionBar, scale: number, t: DashboardStrings): string {
  const x = (v: number) => num((Math.min(v, scale) / scale) * BAR_W);
  const parts: string[] = [];
  let state = '';
  if (s.usual) {
    const u = s.usual;
    parts.push(`<rect class="usual" x="${x(u.p25)}" y="0" width="${num(((Math.min(u.p75, scale) - Math.min(u.p25, scale)) / scale) * BAR_W)}" height="${BAR_H}"/>`);
    state = s.share < u.p25 ? ' low' : s.share > u.p75 ? ' high' : ' within';
  }
  parts.push(`<rect class="bar${state}" x="0" y="3" width="${x(s.share)}" height="${BAR_H - 6}"/>`);
  if (s.usual) parts.push(`<line class="median" x1="${x(s.usual.median)}" x2="${x(s.usual.median)}" y1="0" y2="${BAR_H}"/>`);
  const label = `${t.legend.draft} ${pct(s.share)}` + (s.usual ? `; ${t.legend.usual} ${pct(s.usual.p25)}–${pct(s.usual.p75)}` : '');
  return `<svg class="chart" viewBox="0 0 ${BAR_W} ${BAR_H}" preserveAspectRatio="none" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>${parts.join('')}</svg>`;
}

function totalSvg(total: number, limit: number | undefined): string {
  const scale = Math.max(total, limit ?? 0, 1) * 1.05;
  const x = (v: number) => num((v / scale) * BAR_W);
  const over = limit !== undefined && total > limit;
  const marker = limit !== undefined ? `<line class="limit" x1="${x(limit)}" x2="${x(limit)}" y1="0" y2="${BAR_H}"/>` : '';
  return `<svg class="chart total" viewBox="0 0 ${BAR_W} ${BAR_H}" preserveAspectRatio="none" aria-hidden="true"><rect class="bar${over ? ' over' : ''}" x="0" y="3" width="${x(total)}" height="${BAR_H - 6}"/>${marker}</svg>`;
}

function kindNames(kinds: readonly string[], t: DashboardStrings): string {
  return kinds.map((k) => t.kinds[k as keyof DashboardStrings['kinds']] ?? k).join(' · ');
}

/** The part of the page that changes with the draft. */
export function renderDashboardBody(data: DashboardData, locale: DashboardLocale): string {
  const t = dashboardStrings(locale);
  const typeName = t.typeNames[data.reportType.id] ?? data.reportType.name;
  const out: string[] = [];

  out.push(
    `<header><h1>${esc(data.title ?? t.untitled)}</h1>` +
      `<p class="type">${esc(t.typeLine(typeName, t.typeSource[data.reportType.source] ?? data.reportType.source))}</p>` +
      `<p class="corpus">${esc(data.corpus.reports ? t.corpus(formatCount(data.corpus.reports), formatCount(data.corpus.sameType), typeName) : t.noCorpus)}</p></header>`,
  );

  // Required parts.
  out.push(`<section id="parts"><h2>${esc(t.parts)}</h2><ul class="checklist">`);
  for (const item of data.checklist) {
    const mark = item.present ? '✓' : '✗';
    const where = item.present ? (item.heading !== undefined ? item.heading : t.inParagraphs) : t.missing;
    out.push(
      `<li class="${item.present ? 'present' : 'missing'}" data-kind="${esc(item.kind)}"${lineAttrs(item.line)}>` +
        `<span class="mark" aria-label="${esc(item.present ? t.present : t.missing)}">${mark}</span>` +
        `<span class="kind">${esc(t.kinds[item.kind])}</span><span class="where">${esc(where)}</span></li>`,
    );
  }
  out.push('</ul></section>');

  // Structure: one bar per top-level section against the corpus's usual range, then the total.
  out.push(`<section id="structure"><h2>${esc(t.structure)}</h2>`);
  if (!data.sections.length) out.push(`<p class="none">${esc(t.noSections)}</p>`);
  else {
    const scale = Math.max(0.25, ...data.sections.map((s) => Math.max(s.share, s.usual?.p75 ?? 0))) * 1.05;
    out.push(
      `<p class="legend"><span class="key bar"></span>${esc(t.legend.draft)} <span class="key usual"></span>${esc(t.legend.usual)} <span class="key median"></span>${esc(t.legend.median)}</p>`,
    );
    out.push('<table class="sections"><tbody>');
    for (const s of data.sections) {
      const range = s.usual ? t.usualRange(pct(s.usual.p25), pct(s.usual.p75), s.usual.reports, s.usual.scope) : t.noUsual;
      out.push(
        `<tr class="section${s.figuresMissing ? ' no-figures' : ''}"${lineAttrs(s.line)}>` +
          `<th scope="row"><span class="heading">${esc(s.heading)}</span><span class="kinds">${esc(kindNames(s.kinds, t))}</span></th>` +
          `<td class="count">${esc(t.chars(formatCount(s.count)))}<br><span class="share">${esc(pct(s.share))}</span></td>` +
          `<td class="graph">${sectionSvg(s, scale, t)}<span class="range">${esc(range)}</span></td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  const over = data.limit !== undefined && data.total > data.limit.limit;
  const limitText = data.limit
    ? t.limitWithSource(t.limit(formatCount(data.limit.limit), over), `${t.limitSource[data.limit.source]}${data.limit.phrase ? ` ${data.limit.phrase}` : ''}`)
    : t.noLimit;
  out.push(
    `<div class="total${over ? ' over' : ''}"><span>${esc(t.total(formatCount(data.total)))}</span>${totalSvg(data.total, data.limit?.limit)}<span class="limit-text">${esc(limitText)}</span></div></section>`,
  );

  // Findings by category.
  const found = data.categories.reduce((n, c) => n + c.count, 0);
  out.push(`<section id="findings"><h2>${esc(t.findings)}</h2>`);
  out.push('<ul class="counts">');
  for (const c of data.categories) {
    out.push(`<li class="${c.count ? 'some' : 'zero'}"><span class="cat">${esc(t.categories[c.id])}</span><span class="n">${c.count}</span></li>`);
  }
  out.push('</ul>');
  if (!found) out.push(`<p class="none">${esc(t.noFindings)}</p>`);
  for (const c of data.categories) {
    if (!c.count) continue;
    out.push(`<details class="category" data-category="${esc(c.id)}" open><summary>${esc(t.categories[c.id])} <span class="n">${c.count}</span></summary><ul class="items">`);
    for (const f of c.findings) {
      out.push(
        `<li class="finding ${esc(f.severity)}"${lineAttrs(f.line)}><span class="loc">${esc(t.line(f.line + 1))}</span>` +
          `<span class="msg">${esc(f.message)}</span><span class="rule">${esc(f.rule)}</span></li>`,
      );
    }
    if (c.count > c.findings.length) out.push(`<li class="more">${esc(t.more(c.count - c.findings.length))}</li>`);
    out.push('</ul></details>');
  }
  out.push('</section>');

  // Share copied from the corpus (review's summary), when it was computed.
  out.push(`<section id="copied"><h2>${esc(t.copied)}</h2>`);
  if (data.copied) {
    out.push(`<p class="copied-share">${esc(t.copiedShare(pct(data.copied.share)))}</p><table class="sources"><tbody>`);
    for (const s of data.copied.sources) {
      out.push(
        `<tr><th scope="row">${esc(s.title)}</th><td class="share">${esc(pct(s.share))}</td><td class="graph"><svg class="chart" viewBox="0 0 ${BAR_W} ${BAR_H}" preserveAspectRatio="none" aria-hidden="true"><rect class="bar copied" x="0" y="3" width="${num(Math.min(1, Math.max(0, s.share)) * BAR_W)}" height="${BAR_H - 6}"/></svg></td></tr>`,
      );
    }
    out.push('</tbody></table>');
  } else out.push(`<p class="none">${esc(t.copiedNone)}</p>`);
  out.push('</section>');

  // Sections that lack the figures their kind usually carries.
  const lacking = data.sections.filter((s) => s.figuresMissing);
  out.push(`<section id="figures"><h2>${esc(t.figures)}</h2>`);
  if (!lacking.length) out.push(`<p class="none">${esc(t.figuresNone)}</p>`);
  else {
    out.push('<ul class="figures">');
    for (const s of lacking) {
      out.push(`<li${lineAttrs(s.line)}><span class="heading">${esc(s.heading)}</span><span class="why">${esc(t.figuresMissing(pct(s.figuresUsual ?? 0)))}</span></li>`);
    }
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

/**
 * The webview's script: a click (or Enter) on an element with `data-line` posts
 * `{ type: 'reveal', line }`; an `update` message swaps the body, keeping closed groups closed.
 */
const WEBVIEW_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  const reveal = (target) => {
    const el = target instanceof Element ? target.closest('[data-line]') : null;
    if (!el) return false;
    const line = Number(el.getAttribute('data-line'));
    if (Number.isInteger(line) && line >= 0) vscode.postMessage({ type: 'reveal', line });
    return true;
  };
  root.addEventListener('click', (e) => { if (reveal(e.target)) e.preventDefault(); });
  root.addEventListener('keydown', (e) => { if (e.key === 'Enter' && reveal(e.target)) e.preventDefault(); });
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || m.type !== 'update' || typeof m.body !== 'string') return;
    const closed = new Set([...root.querySelectorAll('details[data-category]:not([open])')].map((d) => d.getAttribute('data-category')));
    root.innerHTML = m.body;
    for (const d of root.querySelectorAll('details[data-category]')) if (closed.has(d.getAttribute('data-category'))) d.removeAttribute('open');
  });
})();`;

const CSS = `
:root {
  --sz-fg: var(--vscode-foreground, #1f1f1f);
  --sz-bg: var(--vscode-editor-background, #ffffff);
  --sz-muted: var(--vscode-descriptionForeground, #616161);
  --sz-border: var(--vscode-panel-border, #d4d4d4);
  --sz-bar: var(--vscode-charts-blue, #1a73c9);
  --sz-usual: var(--vscode-editor-inactiveSelectionBackground, #d9e4f2);
  --sz-median: var(--vscode-charts-purple, #8a3ffc);
  --sz-ok: var(--vscode-testing-iconPassed, #388a34);
  --sz-bad: var(--vscode-errorForeground, #c72e0f);
  --sz-warn: var(--vscode-charts-orange, #c97a00);
  --sz-hover: var(--vscode-list-hoverBackground, #f0f0f0);
  --sz-focus: var(--vscode-focusBorder, #0060c0);
  --sz-font: var(--vscode-font-family, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif);
}
body.standalone { max-width: 60rem; margin: 0 auto; }
@media (prefers-color-scheme: dark) {
  body.standalone {
    --sz-fg: #cccccc; --sz-bg: #1f1f1f; --sz-muted: #9d9d9d; --sz-border: #3c3c3c; --sz-bar: #3794ff;
    --sz-usual: #3a3d41; --sz-median: #b180d7; --sz-ok: #73c991; --sz-bad: #f48771; --sz-warn: #e2a03f; --sz-hover: #2a2d2e;
  }
}
body { font-family: var(--sz-font); font-size: var(--vscode-font-size, 14px); color: var(--sz-fg); background: var(--sz-bg); padding: 0 1.2em 2em; line-height: 1.5; }
h1 { font-size: 1.3em; margin: .8em 0 .2em; }
h2 { font-size: 1.05em; margin: 1.4em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid var(--sz-border); }
header p { margin: .1em 0; color: var(--sz-muted); }
.none, .more, .kinds, .range, .rule, .loc, .limit-text, .legend, .why { color: var(--sz-muted); }
ul { list-style: none; padding: 0; margin: 0; }
.checklist li { padding: .15em .3em; display: flex; gap: .6em; align-items: baseline; }
.checklist .mark { font-weight: bold; width: 1.2em; text-align: center; }
.checklist .present .mark { color: var(--sz-ok); }
.checklist .missing .mark, .checklist .missing .where { color: var(--sz-bad); }
.checklist .kind { min-width: 9em; }
.checklist .where { color: var(--sz-muted); }
table { border-collapse: collapse; width: 100%; }
.sections th, .sections td, .sources th, .sources td { padding: .35em .5em .35em 0; border-bottom: 1px solid var(--sz-border); vertical-align: top; text-align: left; font-weight: normal; }
.sections th { width: 32%; }
.sections .heading { display: block; }
.sections .kinds { font-size: .85em; }
.sections .count { width: 6em; white-space: nowrap; font-variant-numeric: tabular-nums; }
.sections .share { color: var(--sz-muted); }
.graph { width: auto; }
.chart { display: block; width: 100%; height: 14px; }
.range { font-size: .85em; }
rect.usual { fill: var(--sz-usual); }
rect.bar { fill: var(--sz-bar); }
rect.bar.low, rect.bar.over { fill: var(--sz-bad); }
rect.bar.high { fill: var(--sz-warn); }
rect.bar.copied { fill: var(--sz-warn); }
line.median { stroke: var(--sz-median); stroke-width: 2; vector-effect: non-scaling-stroke; }
line.limit { stroke: var(--sz-fg); stroke-width: 2; stroke-dasharray: 3 2; vector-effect: non-scaling-stroke; }
.total { display: grid; grid-template-columns: auto 1fr auto; gap: .8em; align-items: center; margin-top: .8em; }
.total.over .limit-text { color: var(--sz-bad); }
.legend { font-size: .85em; margin: 0 0 .3em; }
.key { display: inline-block; width: .9em; height: .7em; margin: 0 .3em 0 .8em; vertical-align: middle; }
.key.bar { background: var(--sz-bar); margin-left: 0; }
.key.usual { background: var(--sz-usual); }
.key.median { width: 2px; background: var(--sz-median); }
.counts { display: flex; flex-wrap: wrap; gap: .4em; margin-bottom: .6em; }
.counts li { border: 1px solid var(--sz-border); border-radius: 3px; padding: .1em .6em; }
.counts .n, summary .n { font-weight: bold; margin-left: .4em; font-variant-numeric: tabular-nums; }
.counts .zero { opacity: .6; }
details.category { margin: .4em 0; }
summary { cursor: pointer; }
.items li { display: grid; grid-template-columns: 5.5em 1fr auto; gap: .6em; padding: .15em .3em; }
.items .rule { font-size: .85em; }
.finding.error .loc { color: var(--sz-bad); }
.finding.warning .loc { color: var(--sz-warn); }
.figures li { padding: .15em .3em; }
.figures .why { display: block; font-size: .9em; }
.sources th { width: 45%; }
.sources .share { width: 4em; }
.copied-share { font-size: 1.1em; }
body.webview [data-line] { cursor: pointer; }
body.webview [data-line]:hover { background: var(--sz-hover); }
[data-line]:focus { outline: 1px solid var(--sz-focus); outline-offset: -1px; }
tr.no-figures .heading::after { content: " ⚠"; color: var(--sz-warn); }
@media print { body.standalone { --sz-bg: #fff; --sz-fg: #000; } details > summary { list-style: none; } }
`;

/** The page's generator mark: the CLI replaces a page carrying it, never another file. */
export const GENERATOR = 'shuzhi-dashboard';

/** The whole page, with a Content-Security-Policy that allows no remote content at all. */
export function renderDashboard(data: DashboardData, opts: RenderOptions): string {
  const t = dashboardStrings(opts.locale);
  const nonce = opts.nonce && /^[A-Za-z0-9+/=_-]+$/.test(opts.nonce) ? opts.nonce : undefined;
  const cspSource = opts.cspSource && /^[\w.:/*-]+$/.test(opts.cspSource) && !opts.standalone ? opts.cspSource : undefined;
  // Styles by nonce (or the webview's own source) only: without a usable nonce the page is unstyled, not loosened.
  const styleSrc = [...(nonce ? [`'nonce-${nonce}'`] : []), ...(cspSource ? [cspSource] : [])].join(' ') || "'none'";
  const script = !opts.standalone && nonce;
  const csp = `default-src 'none'; style-src ${styleSrc}; script-src ${script ? `'nonce-${nonce}'` : "'none'"}; img-src 'none'; form-action 'none'; base-uri 'none'`;
  return `<!DOCTYPE html>
<html lang="${opts.locale === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${GENERATOR}">
<title>${esc(`${t.pageTitle} · ${data.title ?? t.untitled}`)}</title>
<style${nonce ? ` nonce="${nonce}"` : ''}>${CSS}</style>
</head>
<body class="${opts.standalone ? 'standalone' : 'webview'}">
<main id="root">
${renderDashboardBody(data, opts.locale)}
</main>
${script ? `<script nonce="${nonce}">${WEBVIEW_SCRIPT}</script>` : ''}
</body>
</html>
`;
}
