/**
 * A streaming CSV reader for import files: RFC 4180 quoting (quoted delimiters, doubled quotes,
 * line breaks inside quotes), a byte order mark, CRLF or LF, and the delimiter a spreadsheet
 * used (comma, or semicolon as Excel writes it in Indonesian locales) detected from the header.
 * Lines without a quote, the common case, are split with one `split` call; only quoted lines go
 * through the character loop. Memory holds one chunk and one partial record, whatever the size
 * of the file.
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
 * Records of a CSV byte stream. `onBytes` is told how many bytes each chunk had, for progress.
 * Blank lines are skipped but still counted, so line numbers match the spreadsheet's rows.
 */
export async function* csvRecords(
  source: AsyncIterable<Buffer | string>,
  options: { onDelimiter?: (delimiter: CsvDelimiter) => void } = {},
): AsyncGenerator<FileRecord> {
  const decoder = new StringDecoder('utf8');
  let delimiter: CsvDelimiter | null = null;
  let pending = '';
  let line = 0;
  // State of a record whose quoted field spans chunk or line boundaries.
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let inRecord = false;
  let first = true;

  for await (const chunk of source) {
    let text = pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    pending = '';
    // A chunk may end inside the byte order mark, decoding to nothing: look at the first text.
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let position = 0;
    const length = text.length;
    while (position < length) {
      if (!inRecord) {
        const end = text.indexOf('\n', position);
        if (end < 0) {
          pending = text.slice(position);
          position = length;
          break;
        }
        let lineText = text.slice(position, end);
        if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
        if (delimiter === null) {
          delimiter = detectDelimiter(lineText);
          options.onDelimiter?.(delimiter);
        }
        if (!lineText.includes('"')) {
          position = end + 1;
          line += 1;
          const split = lineText.split(delimiter);
          if (!isBlank(split)) yield { line, cells: split };
          continue;
        }
        inRecord = true;
        cells = [];
        field = '';
        inQuotes = false;
      }
      // Character loop for a record with quotes; may stop at the end of the chunk mid-record.
      let completed = false;
      while (position < length) {
        const char = text[position];
        if (inQuotes) {
          if (char === '"') {
            if (position + 1 >= length) {
              // Cannot tell an escaped quote from a closing one yet: wait for the next chunk.
              break;
            }
            if (text[position + 1] === '"') {
              field += '"';
              position += 2;
            } else {
              inQuotes = false;
              position += 1;
            }
          } else {
            const next = text.indexOf('"', position);
            const until = next < 0 ? length : next;
            field += text.slice(position, until);
            position = until;
          }
        } else if (char === '"') {
          inQuotes = true;
          position += 1;
        } else if (char === delimiter) {
          cells.push(field);
          field = '';
          position += 1;
        } else if (char === '\n') {
          if (field.endsWith('\r')) field = field.slice(0, -1);
          cells.push(field);
          position += 1;
          completed = true;
          break;
        } else {
          field += char;
          position += 1;
        }
      }
      if (completed) {
        inRecord = false;
        line += 1;
        if (!isBlank(cells)) yield { line, cells };
        continue;
      }
      pending = text.slice(position);
      position = length;
    }
  }
  const rest = pending + decoder.end();
  if (inRecord || rest !== '') {
    // The last record has no line break after it.
    if (inRecord) {
      const final = lastRecord(rest, cells, field, inQuotes, delimiter ?? ',');
      line += 1;
      if (!isBlank(final)) yield { line, cells: final };
    } else {
      const lineText = rest.endsWith('\r') ? rest.slice(0, -1) : rest;
      if (delimiter === null) {
        delimiter = detectDelimiter(lineText);
        options.onDelimiter?.(delimiter);
      }
      if (lineText.includes('"')) {
        const final = lastRecord(lineText, [], '', false, delimiter);
        line += 1;
        if (!isBlank(final)) yield { line, cells: final };
      } else {
        line += 1;
        const split = lineText.split(delimiter);
        if (!isBlank(split)) yield { line, cells: split };
      }
    }
  }
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
