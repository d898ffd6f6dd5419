/** The lexicon build step (lexicon.mjs). */
export function lexiconTable(dict: string): string;
export function buildLexicon(outDir: string): number;
