import { loadCorpus } from '../server/src/engine/corpus/corpus';
import { buildPhraseIndex } from '../server/src/engine/search/phraseIndex';
import { phraseQuery } from '../server/src/engine/completion/complete';
import { rankContinuations, DEFAULT_RANK_PARAMS } from '../server/src/engine/completion/ranking';
import { occurrencesOf, exampleAt } from '../server/src/engine/completion/phraseIndex';
(async () => {
  const { reports } = await loadCorpus({ paths: [process.argv[2]], useBundled: false, maxFileSizeBytes: 100 * 1048576 });
  const index = buildPhraseIndex(reports);
  const lines = index.text.split('\n', 200000).filter((l) => l.length > 10);
  const draft = lines.slice(0, 600).join('\n');
  for (const prefix of ['我本人把增', '二是强化政治引领', '一是', '提高信息', '我本人把增']) {
    for (let rep = 0; rep < 3; rep++) {
      const opts = { maxItems: 20, minPrefix: 1, draft, examples: true };
      const t0 = performance.now();
      const q = phraseQuery(index, prefix, opts)!;
      const t1 = performance.now();
      const ranked = rankContinuations(q.candidates, 20, q.facts, DEFAULT_RANK_PARAMS);
      const t2 = performance.now();
      const typed = prefix.slice(q.bodyOffset + q.typedStart);
      let occ = 0, ex = 0, maxLen = 0, maxRange = 0;
      for (const c of ranked) {
        const a = performance.now();
        const f = occurrencesOf(index, typed + c.text, 512);
        const b = performance.now();
        if (f.entries.length) exampleAt(index, f.entries[0] < 0 ? ~f.entries[0] : f.entries[0], (typed + c.text).length);
        ex += performance.now() - b;
        occ += b - a;
        maxLen = Math.max(maxLen, (typed + c.text).length);
        maxRange = Math.max(maxRange, f.count);
      }
      console.log(prefix, 'query', (t1 - t0).toFixed(2), 'rank', (t2 - t1).toFixed(2), 'occ', occ.toFixed(2), 'ex', ex.toFixed(2), 'items', ranked.length, 'maxLen', maxLen, 'maxCount', maxRange);
    }
  }
})();
