/**
 * Cuts a CSV file into parts that separate workers can parse on their own: each part starts at
 * a record boundary (a line break outside quotes) and knows how many records come before it, so
 * line numbers stay those of the whole file. The header record is read here.
 *
 * Finding a boundary needs the quote state from the start of the file, so the file is scanned up
 * to the last cut: with Buffer.indexOf for line breaks and quotes (quotes are rare in register
 * exports), a few hundred megabytes a second. Quotes and line breaks are ASCII, so scanning bytes
 * rather than decoded text is safe in UTF-8.
 */
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { CsvParser, type CsvDelimiter } from './csv-records.ts';

export interface CsvPart {
  /** Byte range [start, end). */
  start: number;
  end: number;
  /** Records (the header and blank lines included) before `start`. */
  startLine: number;
}

export interface CsvLayout {
  /** The header record's cells; null for an empty file. */
  header: string[] | null;
  delimiter: CsvDelimiter;
  /** The parts after the header, covering the rest of the file. */
  parts: CsvPart[];
}

const NEWLINE = 10;
const QUOTE = 34;
const SCAN_BYTES = 1 << 20;

/**
 * Splits the file after its header into at most `count` parts of similar size. A file without a
 * header line followed by data has no parts.
 */
export function csvLayout(filePath: string, count: number): CsvLayout {
  const size = fs.statSync(filePath).size;
  const fd = fs.openSync(filePath, 'r');
  try {
    const buffer = Buffer.allocUnsafe(SCAN_BYTES);
    let inQuotes = false;
    let records = 0;
    let headerEnd = -1;
    const cuts: CsvPart[] = [];
    let targets: number[] = [];
    let base = 0;
    scan: while (base < size) {
      const length = fs.readSync(fd, buffer, 0, Math.min(SCAN_BYTES, size - base), base);
      if (length === 0) break;
      const chunk = buffer.subarray(0, length);
      let position = 0;
      let nextQuote = chunk.indexOf(QUOTE, 0);
      while (position < length) {
        if (inQuotes) {
          // A doubled quote closes and reopens: parity is all that matters.
          const close = chunk.indexOf(QUOTE, position);
          if (close < 0) break;
          inQuotes = false;
          position = close + 1;
          nextQuote = chunk.indexOf(QUOTE, position);
          continue;
        }
        const newline = chunk.indexOf(NEWLINE, position);
        if (nextQuote >= 0 && nextQuote < position) nextQuote = chunk.indexOf(QUOTE, position);
        if (nextQuote >= 0 && (newline < 0 || nextQuote < newline)) {
          inQuotes = true;
          position = nextQuote + 1;
          continue;
        }
        if (newline < 0) break;
        records += 1;
        position = newline + 1;
        const offset = base + position;
        if (headerEnd < 0) {
          headerEnd = offset;
          const step = (size - headerEnd) / count;
          targets = Array.from({ length: count - 1 }, (_, i) => Math.round(headerEnd + step * (i + 1)));
          cuts.push({ start: headerEnd, end: size, startLine: records });
          if (targets.length === 0) break scan;
        } else if (offset >= targets[cuts.length - 1] && offset < size) {
          cuts[cuts.length - 1].end = offset;
          cuts.push({ start: offset, end: size, startLine: records });
          if (cuts.length === count) break scan;
        }
      }
      base += length;
    }
    const headerBytes = Buffer.allocUnsafe(headerEnd < 0 ? size : headerEnd);
    if (headerBytes.length > 0) fs.readSync(fd, headerBytes, 0, headerBytes.length, 0);
    let delimiter: CsvDelimiter = ',';
    const parser = new CsvParser({ onDelimiter: (d) => (delimiter = d) });
    const decoder = new StringDecoder('utf8');
    const headerRecords = [...parser.push(decoder.write(headerBytes) + decoder.end()), ...parser.end()];
    // No header on the first line (an empty file, a blank first line): the caller reads the file
    // whole, as one part, and reports what it finds.
    const header = headerRecords[0]?.cells ?? null;
    if (header === null) return { header, delimiter, parts: [] };
    return { header, delimiter, parts: cuts.filter((part) => part.end > part.start) };
  } finally {
    fs.closeSync(fd);
  }
}
