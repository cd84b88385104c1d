/**
 * Text out of a PDF that pdfkit wrote, for tests: what a reader's "copy text" would give. Each
 * page's content stream is inflated, its text-showing operators (Tj, TJ) decoded through the
 * font's ToUnicode map (embedded fonts: 2-byte glyph ids) or as Latin-1 (built-in fonts). One
 * line per text object. Enough for pdfkit's output; not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

/** Null for a stream cut short (binary font data can contain the word "endobj"). */
function inflated(raw: Buffer): Buffer | null {
  try {
    return inflateSync(raw);
  } catch {
    return null;
  }
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const body = m[2];
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      found.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let start = streamAt + 'stream'.length;
    if (body[start] === '\r') start++;
    if (body[start] === '\n') start++;
    const end = body.lastIndexOf('endstream');
    const raw = Buffer.from(body.slice(start, end), 'latin1');
    found.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflated(raw) : raw });
  }
  return found;
}

/** glyph id → text, from a ToUnicode CMap's bfrange/bfchar entries. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.replace(/\s/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const [, start, , list] of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    [...list.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach(([, hex], i) => map.set(parseInt(start, 16) + i, utf16(hex)));
  }
  // The single-destination form, once the arrays (whose entries would look like ranges) are out.
  const withoutArrays = cmap.replace(/\[[^\]]*\]/g, '[]');
  for (const [, start, end, dst] of withoutArrays.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
    for (let g = parseInt(start, 16), c = parseInt(dst, 16); g <= parseInt(end, 16); g++, c++) map.set(g, String.fromCharCode(c));
  }
  return map;
}

type Decoder = (hex: string) => string;

/** A pen movement (thousandths of the font size) wide enough to be a word gap, not kerning. */
const WORD_GAP = -150;

function fontDecoders(all: Map<number, PdfObject>): Map<string, Decoder> {
  const decoders = new Map<string, Decoder>();
  for (const { dict } of all.values()) {
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(dict);
    if (!fonts) continue;
    for (const [, name, ref] of fonts[1].matchAll(/\/(\w+)\s+(\d+)\s+0\s+R/g)) {
      const font = all.get(Number(ref));
      const toUnicode = font && /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(font.dict);
      if (toUnicode) {
        const map = parseCMap(all.get(Number(toUnicode[1]))?.stream?.toString('latin1') ?? '');
        decoders.set(name, (hex) => (hex.match(/.{4}/g) ?? []).map((g) => map.get(parseInt(g, 16)) ?? '').join(''));
      } else {
        decoders.set(name, (hex) => Buffer.from(hex, 'hex').toString('latin1'));
      }
    }
  }
  return decoders;
}

/** The text of every page, a line per text object. */
export function pdfText(pdf: Buffer): string {
  const all = objects(pdf);
  const decoders = fontDecoders(all);
  const lines: string[] = [];
  for (const { dict, stream } of all.values()) {
    // Content streams are the streams that are not fonts, CMaps or images.
    if (!stream || /\/Type\s*\/XObject|\/Subtype|\/Length1|CIDInit/.test(dict) || stream.toString('latin1').includes('begincmap')) continue;
    const content = stream.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    for (const [, block] of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let decode: Decoder = (hex) => Buffer.from(hex, 'hex').toString('latin1');
      let line = '';
      for (const [, font, shown] of block.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)/g)) {
        if (font) decode = decoders.get(font) ?? decode;
        else if (shown) {
          // Justified text spaces its words by moving the pen (a large negative adjustment in TJ)
          // instead of drawing a space, as a reader's copy-paste turns back into a space.
          for (const [, hex, move] of shown.matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)) {
            if (hex !== undefined) line += decode(hex);
            else if (Number(move) < WORD_GAP && !line.endsWith(' ')) line += ' ';
          }
        }
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}
