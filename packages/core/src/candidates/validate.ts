/**
 * Validation of one row of the candidate-pair import, listing every problem of the row.
 */
import { participates } from '../elections/calendar.ts';
import type { Election } from '../elections/types.ts';
import { isRegionCode, regionLevel } from '../regions/region-code.ts';
import { decodeNipOfUnknownKind, nipReasons, type NipReasonCode } from '../register/identifier.ts';
import { requiredReason, tooLongReason, type RowReason, type RowValidation } from '../register/import-columns.ts';
import { vocabularyLookup, type VocabularyEntry } from '../register/vocabulary.ts';
import type { IsoDate } from '../time/iso-date.ts';
import { CANDIDATE_COLUMNS, type CandidateColumnKey } from './columns.ts';
import type { CandidatePair, CandidatePerson, PairMember, RegionalOffice } from './types.ts';

export type CandidateReasonCode =
  | 'required'
  | 'too_long'
  | 'election_unknown'
  | 'region_code_format'
  | 'region_not_contest_level'
  | 'region_not_participating'
  | 'region_not_applicable'
  | 'ballot_number_format'
  | NipReasonCode
  | 'route_unknown'
  | 'parties_missing'
  | 'parties_for_independent'
  | 'incumbent_unknown'
  | 'incumbent_office_unknown'
  | 'incumbent_office_without_incumbent'
  | 'hashtag_format';

export type CandidateReason = RowReason<CandidateColumnKey, CandidateReasonCode>;

export interface CandidateRowContext {
  /** For the NIP checks. */
  today: IsoDate;
  elections: ReadonlyMap<string, Pick<Election, 'id' | 'scope' | 'participation'>>;
}

type Route = 'party' | 'independent';

const ROUTES: readonly VocabularyEntry<Route>[] = [
  { code: 'party', csvValue: 'partai', label: { id: 'Diusung partai politik', en: 'Party-nominated' }, aliases: ['parpol', 'partai politik', 'gabungan partai'] },
  { code: 'independent', csvValue: 'perseorangan', label: { id: 'Perseorangan', en: 'Independent' }, aliases: ['independen', 'jalur perseorangan'] },
];

const INCUMBENT_MEMBERS: readonly VocabularyEntry<PairMember | 'none'>[] = [
  { code: 'none', csvValue: 'tidak', label: { id: 'Bukan petahana', en: 'No incumbent' }, aliases: ['bukan', 'no'] },
  { code: 'head', csvValue: 'calon', label: { id: 'Calon kepala daerah', en: 'The head candidate' }, aliases: ['kepala', 'calon kepala'] },
  { code: 'deputy', csvValue: 'wakil', label: { id: 'Calon wakil', en: 'The deputy candidate' }, aliases: ['calon wakil'] },
];

const OFFICES: readonly VocabularyEntry<RegionalOffice>[] = [
  {
    code: 'regional_head',
    csvValue: 'kepala_daerah',
    label: { id: 'Kepala daerah', en: 'Regional head' },
    aliases: ['gubernur', 'bupati', 'wali kota', 'walikota'],
  },
  {
    code: 'deputy_regional_head',
    csvValue: 'wakil_kepala_daerah',
    label: { id: 'Wakil kepala daerah', en: 'Deputy regional head' },
    aliases: ['wakil gubernur', 'wakil bupati', 'wakil wali kota', 'wakil walikota'],
  },
];

const parseRoute = vocabularyLookup(ROUTES);
const parseIncumbentMember = vocabularyLookup(INCUMBENT_MEMBERS);
const parseOffice = vocabularyLookup(OFFICES);

const choices = (entries: readonly VocabularyEntry<string>[]) => entries.map((e) => e.csvValue).join(', ');
const MAX_LENGTH = new Map(CANDIDATE_COLUMNS.flatMap((c) => (c.maxLength ? [[c.key, c.maxLength] as const] : [])));
const LIST_SEPARATOR = /[;|]/;
const HASHTAG_SEPARATOR = /[;|,\s]+/;
const HASHTAG = /^[\p{L}\p{N}_]+$/u;
const BALLOT_NUMBER = /^\d{1,2}$/;

const reason = (column: CandidateColumnKey, code: CandidateReasonCode, id: string, en: string): CandidateReason => ({
  column,
  code,
  message: { id, en },
});

function cell(raw: Record<string, string | undefined>, key: CandidateColumnKey, reasons: CandidateReason[]): string {
  const value = (raw[key] ?? '').trim();
  const max = MAX_LENGTH.get(key);
  if (max !== undefined && value.length > max) reasons.push(tooLongReason(key, max, value.length));
  return value;
}

/** Distinct non-empty items of a ";"-separated cell, in their order. */
function list(value: string): string[] {
  return [...new Set(value.split(LIST_SEPARATOR).map((item) => item.trim()).filter((item) => item !== ''))];
}

function checkRegion(
  value: string,
  election: Pick<Election, 'id' | 'scope' | 'participation'> | undefined,
  reasons: CandidateReason[],
): string | null {
  if (election?.scope === 'national') {
    if (value !== '') {
      reasons.push(
        reason(
          'kode_wilayah',
          'region_not_applicable',
          `Pemilihan ${election.id} bersifat nasional: kosongkan kode_wilayah.`,
          `Election ${election.id} is national: leave kode_wilayah empty.`,
        ),
      );
    }
    return null;
  }
  if (value === '') {
    reasons.push(requiredReason('kode_wilayah'));
    return null;
  }
  if (!isRegionCode(value)) {
    reasons.push(reason('kode_wilayah', 'region_code_format', `Kode wilayah "${value}" bukan kode Kemendagri.`, `Region code "${value}" is not a Kemendagri code.`));
    return null;
  }
  const level = regionLevel(value);
  if (level !== 'province' && level !== 'regency') {
    reasons.push(
      reason(
        'kode_wilayah',
        'region_not_contest_level',
        `Pilkada diadakan di provinsi atau kabupaten/kota, bukan di ${value}.`,
        `Regional elections are held in provinces and regencies/cities, not in ${value}.`,
      ),
    );
    return null;
  }
  if (election && !participates(election, value)) {
    reasons.push(
      reason(
        'kode_wilayah',
        'region_not_participating',
        `Wilayah ${value} tidak ikut ${election.id}.`,
        `Region ${value} does not take part in ${election.id}.`,
      ),
    );
  }
  return value;
}

function checkPerson(
  raw: Record<string, string | undefined>,
  member: 'calon' | 'wakil',
  today: IsoDate,
  reasons: CandidateReason[],
): CandidatePerson {
  const name = cell(raw, `nama_${member}`, reasons);
  if (name === '') reasons.push(requiredReason(`nama_${member}`));
  const person: CandidatePerson = { name };
  const nickname = cell(raw, `panggilan_${member}`, reasons);
  if (nickname !== '') person.nickname = nickname;
  const variants = list(cell(raw, `variasi_nama_${member}`, reasons));
  if (variants.length > 0) person.variants = variants;
  const nip = cell(raw, `nip_${member}`, reasons);
  if (nip !== '') {
    // The import does not say whether a civil-servant candidate is PNS or PPPK: either is accepted.
    const decoded = decodeNipOfUnknownKind(nip, today);
    if (decoded.valid) person.asnNip = decoded.value.nip;
    else reasons.push(...nipReasons(`nip_${member}`, decoded.problems));
  }
  return person;
}

function checkHashtags(value: string, reasons: CandidateReason[]): string[] {
  const hashtags: string[] = [];
  for (const item of value.split(HASHTAG_SEPARATOR)) {
    const tag = item.replace(/^#+/, '');
    if (tag === '') continue;
    if (HASHTAG.test(tag)) {
      if (!hashtags.includes(tag)) hashtags.push(tag);
    } else {
      reasons.push(
        reason('tagar', 'hashtag_format', `Tagar "${item}" hanya boleh berisi huruf, angka dan _.`, `Hashtag "${item}" may hold only letters, digits and _.`),
      );
    }
  }
  return hashtags;
}

export function validateCandidateRow(
  raw: Record<string, string | undefined>,
  context: CandidateRowContext,
): RowValidation<CandidatePair, CandidateColumnKey, CandidateReasonCode> {
  const reasons: CandidateReason[] = [];

  const electionId = cell(raw, 'kode_pemilihan', reasons);
  const election = context.elections.get(electionId);
  if (electionId === '') reasons.push(requiredReason('kode_pemilihan'));
  else if (!election) {
    reasons.push(reason('kode_pemilihan', 'election_unknown', `Pemilihan "${electionId}" tidak dikenal.`, `Election "${electionId}" is unknown.`));
  }

  const regionCode = checkRegion(cell(raw, 'kode_wilayah', reasons), election, reasons);

  const ballotText = cell(raw, 'nomor_urut', reasons);
  const ballotNumber = BALLOT_NUMBER.test(ballotText) && Number(ballotText) >= 1 ? Number(ballotText) : null;
  if (ballotText !== '' && ballotNumber === null) {
    reasons.push(reason('nomor_urut', 'ballot_number_format', `Nomor urut "${ballotText}" harus 1–99.`, `Ballot number "${ballotText}" must be 1–99.`));
  }

  const head = checkPerson(raw, 'calon', context.today, reasons);
  const deputy = checkPerson(raw, 'wakil', context.today, reasons);

  const routeText = cell(raw, 'jalur', reasons);
  const route = routeText === '' ? null : parseRoute(routeText);
  if (routeText === '') reasons.push(requiredReason('jalur'));
  else if (route === null) {
    reasons.push(reason('jalur', 'route_unknown', `Jalur "${routeText}" tidak dikenal: ${choices(ROUTES)}.`, `Route "${routeText}" is unknown: ${choices(ROUTES)}.`));
  }

  const parties = list(cell(raw, 'partai', reasons));
  if (route === 'party' && parties.length === 0) {
    reasons.push(reason('partai', 'parties_missing', 'Pasangan jalur partai harus mencantumkan partai pengusung.', 'A party-nominated pair must list its nominating parties.'));
  }
  if (route === 'independent' && parties.length > 0) {
    reasons.push(
      reason('partai', 'parties_for_independent', 'Pasangan perseorangan tidak diusung partai: kosongkan kolom partai.', 'An independent pair has no nominating parties: leave partai empty.'),
    );
  }

  const memberText = cell(raw, 'petahana', reasons);
  const member = memberText === '' ? 'none' : parseIncumbentMember(memberText);
  if (member === null) {
    reasons.push(
      reason('petahana', 'incumbent_unknown', `Petahana "${memberText}" tidak dikenal: ${choices(INCUMBENT_MEMBERS)}.`, `Incumbent "${memberText}" is unknown: ${choices(INCUMBENT_MEMBERS)}.`),
    );
  }
  const officeText = cell(raw, 'jabatan_petahana', reasons);
  const office = officeText === '' ? 'regional_head' : parseOffice(officeText);
  if (office === null) {
    reasons.push(
      reason(
        'jabatan_petahana',
        'incumbent_office_unknown',
        `Jabatan petahana "${officeText}" tidak dikenal: ${choices(OFFICES)}.`,
        `Incumbent office "${officeText}" is unknown: ${choices(OFFICES)}.`,
      ),
    );
  } else if (officeText !== '' && member === 'none') {
    reasons.push(
      reason(
        'jabatan_petahana',
        'incumbent_office_without_incumbent',
        'Jabatan petahana diisi, tetapi kolom petahana menyatakan tidak ada petahana.',
        'An incumbent office is given but petahana says the pair has no incumbent.',
      ),
    );
  }

  const slogans = list(cell(raw, 'slogan', reasons));
  const hashtags = checkHashtags(cell(raw, 'tagar', reasons), reasons);

  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    row: {
      electionId,
      regionCode,
      ballotNumber,
      head,
      deputy,
      parties,
      independent: route === 'independent',
      incumbent: member === 'none' || member === null ? null : { member, office: office! },
      slogans,
      hashtags,
    },
  };
}
