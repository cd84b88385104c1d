/**
 * Importing an election's participating regions from a CSV list (e.g. the Pilkada 2020
 * regencies that are not shipped). Every line of the file ends up in the report — accepted,
 * duplicate, rejected with its reason, or blank — so nothing is dropped without the user seeing it.
 */
import { isRegionCode, regionLevel, type Localised } from '@netra/core';
import type { Db } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { listRegions } from '../regions/service.ts';
import { addParticipatingRegions, findElection, participatingRegions } from '../election-catalog/service.ts';

/** Headers accepted for the region-code column, after normalising (see `normaliseHeader`). */
export const REGION_CODE_HEADERS = ['kode_wilayah', 'code'] as const;

export type RegionRowProblem = 'missing_code' | 'malformed_code' | 'not_an_election_level' | 'unknown_region';

interface RowBase {
  /** 1-based line in the file where the row starts (the header is line 1). */
  line: number;
  /** The cell as written, trimmed. */
  value: string;
}

export type RegionImportRow =
  | (RowBase & { status: 'accepted'; region: { code: string; name: string; level: 'province' | 'regency' } })
  | (RowBase & { status: 'duplicate'; reason: Localised })
  | (RowBase & { status: 'rejected'; problem: RegionRowProblem; reason: Localised });

export interface RegionImportReport {
  election: { id: string; name: Localised };
  /** Every non-blank data row, in file order. */
  rows: RegionImportRow[];
  blankLines: number[];
  /** Regions actually added; 0 on a dry run. */
  inserted: number;
  dryRun: boolean;
}

export interface RegionImportOptions {
  /** Check and report without writing anything. */
  dryRun?: boolean;
}

const invalidFile = (messages: Localised) => new ApiError(422, 'invalid_file', messages);

interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * The separator of the header line: a comma, or the semicolon that spreadsheets in an
 * Indonesian locale write (the comma is their decimal separator), or a tab.
 */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  const [best] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best;
}

/** RFC 4180 records, each with the line it starts on (a quoted field may span lines). */
function parseCsv(text: string): CsvRecord[] {
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quoteOpenedOn = 0;
  let recordStarted = false;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    recordStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    recordStarted = true;
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        inQuotes = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"') {
      inQuotes = true;
      quoteOpenedOn = line;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n') {
      endRecord();
      recordLine = ++line;
    } else if (char !== '\r') {
      field += char;
    }
  }
  if (inQuotes) {
    throw invalidFile({
      id: `Tanda kutip yang dibuka di baris ${quoteOpenedOn} tidak pernah ditutup.`,
      en: `The quote opened on line ${quoteOpenedOn} is never closed.`,
    });
  }
  // A final line without a newline is still a record; the newline ending the file is not a line.
  if (recordStarted) endRecord();
  return records;
}

/** "Kode Wilayah", "\uFEFFkode_wilayah" and "KODE-WILAYAH" all read as kode_wilayah. */
function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function regionCodeColumn(header: CsvRecord): number {
  const names = header.fields.map(normaliseHeader);
  const matches = names.flatMap((name, index) => ((REGION_CODE_HEADERS as readonly string[]).includes(name) ? [index] : []));
  if (matches.length === 1) return matches[0];
  const found = header.fields.map((f) => f.trim()).join(', ');
  if (matches.length === 0) {
    throw invalidFile({
      id: `Tidak ada kolom kode_wilayah (atau code) di baris judul. Kolom yang ada: ${found}.`,
      en: `The header row has no kode_wilayah (or code) column. Columns found: ${found}.`,
    });
  }
  throw invalidFile({
    id: `Kolom kode wilayah muncul ${matches.length} kali (${found}); sisakan satu.`,
    en: `The region-code column appears ${matches.length} times (${found}); keep one.`,
  });
}

/**
 * Why a cell is not a Kemendagri code, with a hint for the two ways spreadsheets mangle one:
 * 35.10 stored as the number 35.1, or the dots left out (3510). The hint is only given when it
 * names a real region.
 */
function malformedCodeReason(value: string, isKnown: (code: string) => boolean): Localised {
  const base = {
    id: `"${value}" bukan kode wilayah Kemendagri (PP untuk provinsi, PP.KK untuk kabupaten/kota).`,
    en: `"${value}" is not a Kemendagri region code (PP for a province, PP.KK for a regency/city).`,
  };
  const lostZero = /^(\d{2})\.(\d)$/.exec(value);
  const noDots = /^(\d{2})(\d{2})$/.exec(value);
  const meant = lostZero ? `${lostZero[1]}.${lostZero[2]}0` : noDots ? `${noDots[1]}.${noDots[2]}` : null;
  if (!meant || !isKnown(meant)) return base;
  return {
    id: `${base.id} Maksudnya ${meant}? Simpan kolom sebagai teks agar spreadsheet tidak mengubahnya.`,
    en: `${base.en} Did you mean ${meant}? Store the column as text so the spreadsheet leaves it alone.`,
  };
}

interface KnownRegion {
  code: string;
  name: string;
  level: string;
}

/**
 * Decides each row's fate in file order. Stateful: the first row with a code wins, later ones
 * are duplicates pointing back to it.
 */
function rowClassifier(regions: Map<string, KnownRegion>, alreadyParticipating: Set<string>) {
  const firstLineOf = new Map<string, number>();
  return (line: number, value: string): RegionImportRow => {
    const reject = (problem: RegionRowProblem, reason: Localised): RegionImportRow => ({ line, value, status: 'rejected', problem, reason });
    if (value === '') return reject('missing_code', { id: 'Kode wilayah kosong.', en: 'The region code is empty.' });
    if (!isRegionCode(value)) return reject('malformed_code', malformedCodeReason(value, (code) => regions.has(code)));
    const level = regionLevel(value);
    if (level === 'district' || level === 'village') {
      const contest = value.slice(0, 5);
      return reject('not_an_election_level', {
        id: `${value} adalah ${level === 'district' ? 'kecamatan' : 'desa/kelurahan'}; pilkada diadakan per provinsi atau kabupaten/kota. Gunakan ${contest}.`,
        en: `${value} is a ${level}; regional elections are held per province or regency/city. Use ${contest}.`,
      });
    }
    const region = regions.get(value);
    if (!region) {
      return reject('unknown_region', {
        id: `Kode ${value} tidak ada dalam daftar wilayah Kemendagri.`,
        en: `Code ${value} is not in the Kemendagri region list.`,
      });
    }
    const earlier = firstLineOf.get(value);
    if (earlier !== undefined) {
      return { line, value, status: 'duplicate', reason: { id: `Sama dengan baris ${earlier}.`, en: `Same as line ${earlier}.` } };
    }
    firstLineOf.set(value, line);
    if (alreadyParticipating.has(value)) {
      return {
        line,
        value,
        status: 'duplicate',
        reason: { id: `${region.name} sudah ikut pemilihan ini.`, en: `${region.name} already takes part in this election.` },
      };
    }
    return { line, value, status: 'accepted', region: { code: region.code, name: region.name, level: region.level as 'province' | 'regency' } };
  };
}

/**
 * Reads a CSV list of region codes and adds the valid new ones to the election. Rows already
 * participating, or repeated in the file, are reported as duplicates; rows that are not a known
 * province or regency/city are rejected with the reason. Accepted rows are written even when
 * others are rejected, so fixing the file and importing it again completes the list.
 */
export async function importParticipatingRegions(
  db: Db,
  electionId: string,
  csvText: string,
  options: RegionImportOptions = {},
): Promise<RegionImportReport> {
  const election = await findElection({ db }, electionId);
  if (!election) throw notFound({ id: `Pemilihan ${electionId}`, en: `Election ${electionId}` });

  const records = parseCsv(csvText);
  const isBlank = (record: CsvRecord) => record.fields.every((f) => f.trim() === '');
  const headerIndex = records.findIndex((record) => !isBlank(record));
  if (headerIndex === -1) throw invalidFile({ id: 'Berkas kosong.', en: 'The file is empty.' });
  const column = regionCodeColumn(records[headerIndex]);

  const [known, participating] = await Promise.all([
    listRegions({ db }, { level: ['province', 'regency'], limit: 10_000, offset: 0 }),
    participatingRegions({ db }, electionId),
  ]);
  const classify = rowClassifier(
    new Map(known.items.map((r) => [r.code, r])),
    new Set(participating.map((r) => r.code)),
  );

  const rows: RegionImportRow[] = [];
  const blankLines: number[] = [];
  records.forEach((record, index) => {
    if (index === headerIndex) return;
    if (isBlank(record)) blankLines.push(record.line);
    else rows.push(classify(record.line, (record.fields[column] ?? '').trim()));
  });

  const accepted = rows.flatMap((row) => (row.status === 'accepted' ? [row.region.code] : []));
  const inserted = options.dryRun ? 0 : await addParticipatingRegions(db, electionId, accepted);
  return { election: { id: election.id, name: election.name }, rows, blankLines, inserted, dryRun: options.dryRun === true };
}
