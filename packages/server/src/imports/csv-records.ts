/**
 * A streaming CSV reader for import files: RFC 4180 quoting (quoted delimiters, doubled quotes,
 * line breaks inside quotes), a byte order mark, CRLF or LF, and the delimiter a spreadsheet
 * used (comma, or semicolon as Excel writes it in Indonesian locales) detected from the header.
 * Lines without a quote are split with one `split` call, lines with quoted fields with indexOf;
 * only records that span lines (or odd quoting) go through the character loop. Memory holds one
 * chunk and one partial record, whatever the size of the file.
 */
import { StringDecoder } from 'node:string_decoder';

export interface FileRecord {
  /** The row number as a spreadsheet shows it: the header is 1, the first data row 2. */
  line: number;
  cells: string[];
}

export type CsvDelimiter = ',' | ';' | '\t';

/** The delimiter of a header line: the candidate that occurs most often outside quotes. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

const isBlank = (cells: string[]) => cells.length === 1 && cells[0].trim() === '';

/**
 * The cells of one line with quoted fields, found with indexOf rather than character by
 * character (names such as "Sari, S.Pd." are quoted in about half of a register's lines). Null
 * when the line is not a whole record this way (a quoted field runs past the line break, or a
 * quote sits inside an unquoted field): the caller's character loop handles those.
 */
export function splitQuotedLine(line: string, delimiter: string): string[] | null {
  const cells: string[] = [];
  const length = line.length;
  let i = 0;
  for (;;) {
    let value: string;
    if (line.charCodeAt(i) === 34) {
      value = '';
      let from = i + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) return null;
        if (line.charCodeAt(quote + 1) === 34) {
          value += line.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        value += line.slice(from, quote);
        i = quote + 1;
        break;
      }
      // Text between the closing quote and the delimiter is kept, as the character loop keeps it.
      const next = line.indexOf(delimiter, i);
      const rest = line.slice(i, next < 0 ? length : next);
      if (rest.includes('"')) return null;
      cells.push(value + rest);
      if (next < 0) return cells;
      i = next + 1;
    } else {
      const next = line.indexOf(delimiter, i);
      value = line.slice(i, next < 0 ? length : next);
      if (value.includes('"')) return null;
      cells.push(value);
      if (next < 0) return cells;
      i = next + 1;
    }
  }
}

/**
 * An incremental CSV parser: text goes in chunk by chunk, whole records come out in arrays, one
 * array per chunk. Synchronous on purpose: a national file has 7 million records, and an async
 * iterator step per record (a promise each) cost more than splitting the lines themselves.
 * Blank lines are skipped but still counted, so line numbers match the spreadsheet's rows.
 */
export class CsvParser {
  private delimiter: CsvDelimiter | null;
  private pending = '';
  /** Records (or lines) completed so far, blank ones included. */
  private line: number;
  // State of a record whose quoted field spans chunk or line boundaries.
  private cells: string[] = [];
  private field = '';
  private inQuotes = false;
  private inRecord = false;
  private first: boolean;

  /**
   * `startLine`: records before the text this parser will see (a file read in parts);
   * `delimiter`: known already (a later part of a file whose header was read elsewhere).
   */
  constructor(options: { delimiter?: CsvDelimiter; startLine?: number; onDelimiter?: (delimiter: CsvDelimiter) => void } = {}) {
    this.delimiter = options.delimiter ?? null;
    this.line = options.startLine ?? 0;
    this.first = this.line === 0;
    this.onDelimiter = options.onDelimiter;
  }

  private readonly onDelimiter?: (delimiter: CsvDelimiter) => void;

  private detect(lineText: string): CsvDelimiter {
    if (this.delimiter === null) {
      this.delimiter = detectDelimiter(lineText);
      this.onDelimiter?.(this.delimiter);
    }
    return this.delimiter;
  }

  /** Parses `chunk` and returns the records it completed. */
  push(chunk: string): FileRecord[] {
    const out: FileRecord[] = [];
    let text = this.pending + chunk;
    this.pending = '';
    // A chunk may end inside the byte order mark, decoding to nothing: look at the first text.
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    let position = 0;
    const length = text.length;
    while (position < length) {
      if (!this.inRecord) {
        const end = text.indexOf('\n', position);
        if (end < 0) {
          this.pending = text.slice(position);
          return out;
        }
        let lineText = text.slice(position, end);
        if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
        const delimiter = this.detect(lineText);
        const split = lineText.includes('"') ? splitQuotedLine(lineText, delimiter) : lineText.split(delimiter);
        if (split !== null) {
          position = end + 1;
          this.line += 1;
          if (!isBlank(split)) out.push({ line: this.line, cells: split });
          continue;
        }
        this.inRecord = true;
        this.cells = [];
        this.field = '';
        this.inQuotes = false;
      }
      // Character loop for a record with quotes; may stop at the end of the chunk mid-record.
      const delimiter = this.delimiter!;
      let completed = false;
      while (position < length) {
        const char = text[position];
        if (this.inQuotes) {
          if (char === '"') {
            if (position + 1 >= length) {
              // Cannot tell an escaped quote from a closing one yet: wait for the next chunk.
              break;
            }
            if (text[position + 1] === '"') {
              this.field += '"';
              position += 2;
            } else {
              this.inQuotes = false;
              position += 1;
            }
          } else {
            const next = text.indexOf('"', position);
            const until = next < 0 ? length : next;
            this.field += text.slice(position, until);
            position = until;
          }
        } else if (char === '"') {
          this.inQuotes = true;
          position += 1;
        } else if (char === delimiter) {
          this.cells.push(this.field);
          this.field = '';
          position += 1;
        } else if (char === '\n') {
          if (this.field.endsWith('\r')) this.field = this.field.slice(0, -1);
          this.cells.push(this.field);
          position += 1;
          completed = true;
          break;
        } else {
          this.field += char;
          position += 1;
        }
      }
      if (completed) {
        this.inRecord = false;
        this.line += 1;
        if (!isBlank(this.cells)) out.push({ line: this.line, cells: this.cells });
        continue;
      }
      this.pending = text.slice(position);
      return out;
    }
    return out;
  }

  /** The last record, when the text does not end with a line break. */
  end(): FileRecord[] {
    const rest = this.pending;
    this.pending = '';
    if (!this.inRecord && rest === '') return [];
    let cells: string[];
    if (this.inRecord) {
      cells = lastRecord(rest, this.cells, this.field, this.inQuotes, this.delimiter ?? ',');
      this.inRecord = false;
    } else {
      const lineText = rest.endsWith('\r') ? rest.slice(0, -1) : rest;
      const delimiter = this.detect(lineText);
      cells = lineText.includes('"') ? lastRecord(lineText, [], '', false, delimiter) : lineText.split(delimiter);
    }
    this.line += 1;
    return isBlank(cells) ? [] : [{ line: this.line, cells }];
  }
}

/** Records of a CSV byte stream, one array per chunk read. */
export async function* csvRecordBatches(
  source: AsyncIterable<Buffer | string>,
  options: ConstructorParameters<typeof CsvParser>[0] = {},
): AsyncGenerator<FileRecord[]> {
  const decoder = new StringDecoder('utf8');
  const parser = new CsvParser(options);
  for await (const chunk of source) {
    const records = parser.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (records.length > 0) yield records;
  }
  const records = finalRecords(parser, decoder);
  if (records.length > 0) yield records;
}

/** The records left when the bytes end: what the decoder still holds, then the parser's unfinished last record. */
export function finalRecords(parser: CsvParser, decoder: StringDecoder): FileRecord[] {
  const tail = decoder.end();
  return tail === '' ? parser.end() : [...parser.push(tail), ...parser.end()];
}

/** Records of a CSV byte stream, one at a time (small files: candidates, rotations, posts). */
export async function* csvRecords(
  source: AsyncIterable<Buffer | string>,
  options: { onDelimiter?: (delimiter: CsvDelimiter) => void } = {},
): AsyncGenerator<FileRecord> {
  for await (const batch of csvRecordBatches(source, options)) yield* batch;
}

/** Finishes a record at the end of the file (no trailing line break); an unclosed quote runs to the end. */
function lastRecord(text: string, cells: string[], field: string, inQuotes: boolean, delimiter: string): string[] {
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') inQuotes = false;
      else field += char;
    } else if (char === '"') inQuotes = true;
    else if (char === delimiter) {
      cells.push(field);
      field = '';
    } else field += char;
  }
  if (field.endsWith('\r')) field = field.slice(0, -1);
  cells.push(field);
  return cells;
}
