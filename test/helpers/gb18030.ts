/**
 * A small GB18030 encoder for tests and benchmarks. Node's TextEncoder only writes
 * UTF-8, so we invert TextDecoder('gb18030') over the two-byte range (lead 0x81–0xFE,
 * trail 0x40–0xFE except 0x7F), which holds GB2312/GBK and so every common Chinese
 * character and full-width punctuation mark. Characters that GB18030 only reaches
 * with four-byte sequences (some symbols such as U+2002, rare ideographs, emoji) are
 * written as four-byte codes: BMP ones from the inverted decoder table, supplementary
 * planes by GB18030's linear mapping (from 0x90 0x30 0x81 0x30).
 */

let reverse: Map<string, number> | undefined;
let reverse4: Map<string, number> | undefined;

/** Four-byte BMP codes (0x81–0x84, 0x30–0x39, 0x81–0xFE, 0x30–0x39), as one 32-bit number. */
function reverseMap4(): Map<string, number> {
  if (reverse4) return reverse4;
  const map = new Map<string, number>();
  const decoder = new TextDecoder('gb18030');
  const quad = new Uint8Array(4);
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++)
        for (let b4 = 0x30; b4 <= 0x39; b4++) {
          quad[0] = b1;
          quad[1] = b2;
          quad[2] = b3;
          quad[3] = b4;
          const ch = decoder.decode(quad);
          if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, ((b1 << 24) | (b2 << 16) | (b3 << 8) | b4) >>> 0);
        }
  reverse4 = map;
  return map;
}

/** Builds (once) the map from a character to its two-byte code, `lead << 8 | trail`. */
function reverseMap(): Map<string, number> {
  if (reverse) return reverse;
  const map = new Map<string, number>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let ch: string;
      try {
        ch = decoder.decode(pair);
      } catch {
        continue; // unassigned in the decoder's table
      }
      // Keep the first code for a character; a few characters have duplicate codes
      // and the decoder maps both back to the same character anyway.
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, (lead << 8) | trail);
    }
  }
  reverse = map;
  return map;
}

/**
 * Encodes `text` as GB18030 bytes: ASCII as one byte, everything else as the two-byte
 * code TextDecoder('gb18030') decodes back to the same character.
 * @throws Error naming the character when GB18030 has no code for it (lone surrogates).
 */
export function encodeGb18030(text: string): Uint8Array {
  const map = reverseMap();
  const out = new Uint8Array(text.length * 4);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    const code = map.get(ch);
    if (code !== undefined) {
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
      continue;
    }
    let quad: number | undefined;
    if (cp >= 0x10000) {
      let linear = cp - 0x10000;
      const b4 = 0x30 + (linear % 10);
      linear = Math.floor(linear / 10);
      const b3 = 0x81 + (linear % 126);
      linear = Math.floor(linear / 126);
      const b2 = 0x30 + (linear % 10);
      const b1 = 0x90 + Math.floor(linear / 10);
      quad = ((b1 << 24) | (b2 << 16) | (b3 << 8) | b4) >>> 0;
    } else quad = reverseMap4().get(ch);
    if (quad === undefined) {
      throw new Error(`encodeGb18030: U+${cp.toString(16).toUpperCase().padStart(4, '0')} has no GB18030 code`);
    }
    out[n++] = quad >>> 24;
    out[n++] = (quad >>> 16) & 0xff;
    out[n++] = (quad >>> 8) & 0xff;
    out[n++] = quad & 0xff;
  }
  return out.slice(0, n);
}
