/**
 * Chinese word segmentation through Intl.Segmenter (Node ships full ICU), shared by
 * every index so completion, hover and search agree on word boundaries.
 */
const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });

export interface WordSpan {
  text: string;
  start: number;
  end: number;
  /** true for words (letters, ideographs, digits); false for spaces and punctuation. */
  isWord: boolean;
}

export function segmentWords(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const s of segmenter.segment(text)) {
    out.push({ text: s.segment, start: s.index, end: s.index + s.segment.length, isWord: !!s.isWordLike });
  }
  return out;
}
