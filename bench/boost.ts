/**
 * Gradient-boosted trees for the completion model (bench/fitCompletion.ts): logistic loss,
 * Newton steps, complete trees of depth DEPTH on features cut into at most BINS quantile bins.
 * Deterministic: bins, splits and ties are decided by order alone, with no sampling.
 */
import type { Tree } from '../server/src/engine/completion/ranking';

const BINS = 32;
const DEPTH = 3;
const ROUNDS = 200;
const RATE = 0.1;
const LAMBDA = 1;
const MIN_HESSIAN = 5;
/** Threshold of a node that does not split: every row goes left. */
const NO_SPLIT = 1e9;

/** Cut points of each feature: up to BINS − 1 quantiles of its values. */
function cutPoints(x: readonly number[][], d: number): number[][] {
  const cuts: number[][] = [];
  for (let j = 0; j < d; j++) {
    const vals = x.map((r) => r[j]).sort((a, b) => a - b);
    const c: number[] = [];
    for (let b = 1; b < BINS; b++) {
      const v = Math.round(vals[Math.floor((b * vals.length) / BINS)] * 1e6) / 1e6;
      if (c.length === 0 || v > c[c.length - 1]) c.push(v);
    }
    // A value goes right of a cut when it is ≥ the cut; the smallest value never does.
    cuts.push(c.filter((v) => v > vals[0]));
  }
  return cuts;
}

function binOf(cuts: readonly number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v >= cuts[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Fits ROUNDS trees to weighted 0/1 labels; returns the bias (log-odds) and the trees. */
export function fitTrees(x: readonly number[][], y: readonly number[], w: readonly number[]): { bias: number; trees: Tree[] } {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  const cuts = cutPoints(x, d);
  const bins = cuts.map((c, j) => Uint8Array.from(x, (r) => binOf(c, r[j])));
  let pos = 0;
  let all = 0;
  for (let i = 0; i < n; i++) (pos += w[i] * y[i]), (all += w[i]);
  const bias = Math.log(Math.max(pos, 1e-9) / Math.max(all - pos, 1e-9));
  const score = new Float64Array(n).fill(bias);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const node = new Uint8Array(n);
  const inner = (1 << DEPTH) - 1;
  const trees: Tree[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]));
      g[i] = w[i] * (p - y[i]);
      h[i] = w[i] * p * (1 - p);
    }
    node.fill(0);
    const f: number[] = new Array(inner).fill(0);
    const t: number[] = new Array(inner).fill(Infinity);
    for (let level = 0; level < DEPTH; level++) {
      const first = (1 << level) - 1;
      const count = 1 << level;
      // Histograms of gradient and hessian per node of this level, feature and bin.
      const hg = new Float64Array(count * d * BINS);
      const hh = new Float64Array(count * d * BINS);
      for (let i = 0; i < n; i++) {
        const base = (node[i] - first) * d * BINS;
        for (let j = 0; j < d; j++) {
          const k = base + j * BINS + bins[j][i];
          hg[k] += g[i];
          hh[k] += h[i];
        }
      }
      for (let m = 0; m < count; m++) {
        let best = 0;
        for (let j = 0; j < d; j++) {
          const base = (m * d + j) * BINS;
          let G = 0;
          let H = 0;
          for (let b = 0; b < BINS; b++) (G += hg[base + b]), (H += hh[base + b]);
          let gl = 0;
          let hl = 0;
          for (let b = 0; b < cuts[j].length; b++) {
            gl += hg[base + b];
            hl += hh[base + b];
            const hr = H - hl;
            if (hl < MIN_HESSIAN || hr < MIN_HESSIAN) continue;
            const gain = (gl * gl) / (hl + LAMBDA) + ((G - gl) * (G - gl)) / (hr + LAMBDA) - (G * G) / (H + LAMBDA);
            if (gain > best + 1e-9) {
              best = gain;
              f[first + m] = j;
              t[first + m] = cuts[j][b];
            }
          }
        }
      }
      for (let i = 0; i < n; i++) {
        const k = node[i];
        node[i] = 2 * k + 1 + (x[i][f[k]] >= t[k] ? 1 : 0);
      }
    }
    // Leaves: Newton step on the rows that reach them, shrunk by RATE.
    const G = new Float64Array(inner + 1);
    const H = new Float64Array(inner + 1);
    for (let i = 0; i < n; i++) (G[node[i] - inner] += g[i]), (H[node[i] - inner] += h[i]);
    const v = Array.from(G, (gs, l) => Math.round((-RATE * gs) / (H[l] + LAMBDA) * 1e6) / 1e6);
    for (let i = 0; i < n; i++) score[i] += v[node[i] - inner];
    trees.push({ f, t: t.map((c) => (Number.isFinite(c) ? c : NO_SPLIT)), v });
  }
  return { bias: Math.round(bias * 1e6) / 1e6, trees };
}
