/**
 * A personnel rotation (mutasi/rotasi) as a row: the CSV columns, described as data like the
 * register's (so they render as documentation and a template), and the row check shared by the
 * CSV import and the form. Built from the core's import helpers.
 */
import {
  decodeNipOfUnknownKind,
  isRegionCode,
  nipReasons,
  parseActiveFlag,
  parseRegisterDate,
  regionLevel,
  requiredReason,
  templateCsv,
  tooLongReason,
  vocabularyLookup,
  type ImportColumnSpec,
  type IsoDate,
  type Localised,
  type RowReason,
  type SignerRole,
  type VocabularyEntry,
} from '@netra/core';

export type RotationColumnKey =
  | 'kode_pemilihan'
  | 'kode_wilayah'
  | 'nip'
  | 'nama'
  | 'jabatan_lama'
  | 'jabatan_baru'
  | 'nomor_sk'
  | 'tanggal_sk'
  | 'penandatangan'
  | 'kapasitas_penandatangan'
  | 'persetujuan_menteri'
  | 'nomor_surat_persetujuan'
  | 'tanggal_persetujuan';

const text = (id: string, en: string) => ({ id, en });

export const SIGNER_ROLES: readonly VocabularyEntry<SignerRole>[] = [
  { code: 'regional_head', csvValue: 'kepala_daerah', label: text('Kepala daerah', 'Regional head'), aliases: ['bupati', 'wali kota', 'walikota', 'gubernur'] },
  { code: 'deputy_regional_head', csvValue: 'wakil_kepala_daerah', label: text('Wakil kepala daerah', 'Deputy regional head'), aliases: ['wakil bupati', 'wakil wali kota', 'wakil walikota', 'wakil gubernur'] },
  { code: 'acting_head', csvValue: 'penjabat', label: text('Penjabat (Pj/Plt/Plh) kepala daerah', 'Acting regional head (Pj/Plt/Plh)'), aliases: ['pj', 'pjs', 'plt', 'plh', 'penjabat kepala daerah'] },
  { code: 'regional_secretary', csvValue: 'sekda', label: text('Sekretaris daerah', 'Regional secretary'), aliases: ['sekretaris daerah'] },
  { code: 'other', csvValue: 'lainnya', label: text('Pejabat lain', 'Another official'), aliases: ['lain'] },
];
const parseSignerRole = vocabularyLookup(SIGNER_ROLES);

export const ROTATION_COLUMNS: readonly ImportColumnSpec<RotationColumnKey>[] = [
  { key: 'kode_pemilihan', aliases: ['Pemilihan'], required: 'yes', format: text('Kode pemilihan, mis. pilkada-2024.', 'Election code, e.g. pilkada-2024.'), example: 'pilkada-2024', description: text('Pemilihan yang masa larangannya diperiksa.', 'The election whose prohibited window applies.') },
  { key: 'kode_wilayah', aliases: ['Kode Daerah'], required: 'yes', format: text('Kode provinsi (PP) atau kabupaten/kota (PP.KK).', 'Province (PP) or regency/city (PP.KK) code.'), example: '35.10', description: text('Daerah yang kepala daerahnya menandatangani SK.', 'The region whose head signed the decree.') },
  { key: 'nip', aliases: ['NIP Pejabat'], required: 'yes', format: text('NIP atau NI PPPK 18 digit.', '18-digit NIP or NI PPPK.'), example: '197503122000031004', description: text('Pejabat yang dipindahkan.', 'The official who was moved.') },
  { key: 'nama', aliases: ['Nama Pejabat'], required: 'yes', format: text('Teks.', 'Text.'), example: 'Hendra Wijaya, S.Sos.', description: text('Nama pejabat yang dipindahkan.', 'Name of the official moved.'), maxLength: 150 },
  { key: 'jabatan_lama', aliases: ['Dari Jabatan', 'Jabatan Asal'], required: 'yes', format: text('Teks.', 'Text.'), example: 'Kepala Dinas Pendidikan', description: text('Jabatan sebelum mutasi.', 'Position before the rotation.'), maxLength: 300 },
  { key: 'jabatan_baru', aliases: ['Ke Jabatan', 'Jabatan Tujuan'], required: 'yes', format: text('Teks.', 'Text.'), example: 'Staf Ahli Bupati Bidang Kemasyarakatan', description: text('Jabatan setelah mutasi.', 'Position after the rotation.'), maxLength: 300 },
  { key: 'nomor_sk', aliases: ['Nomor Keputusan', 'No SK'], required: 'yes', format: text('Teks.', 'Text.'), example: '821.2/123/429.011/2024', description: text('Nomor surat keputusan mutasi.', 'Number of the rotation decree.'), maxLength: 100 },
  { key: 'tanggal_sk', aliases: ['Tanggal Keputusan', 'Tgl SK'], required: 'yes', format: text('YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY.', 'YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY.'), example: '2024-05-10', description: text('Tanggal SK ditetapkan.', 'Date the decree was signed.') },
  { key: 'penandatangan', aliases: ['Ditandatangani Oleh'], required: 'yes', format: text('Nama seperti tertulis di SK.', 'Name as written on the decree.'), example: 'H. Agus Santoso, S.H.', description: text('Pejabat yang menandatangani SK.', 'Official who signed the decree.'), maxLength: 150 },
  { key: 'kapasitas_penandatangan', aliases: ['Jabatan Penandatangan'], required: 'yes', format: text(SIGNER_ROLES.map((r) => r.csvValue).join(', ') + '.', SIGNER_ROLES.map((r) => r.csvValue).join(', ') + '.'), example: 'kepala_daerah', description: text('Dalam kapasitas apa SK ditandatangani.', 'In which capacity the decree was signed.') },
  { key: 'persetujuan_menteri', aliases: ['Persetujuan Mendagri'], required: 'no', format: text('Y atau N; kosong berarti N.', 'Y or N; empty means N.'), example: 'N', description: text('Ada persetujuan tertulis Menteri Dalam Negeri?', 'Is there written approval of the Minister of Home Affairs?') },
  { key: 'nomor_surat_persetujuan', aliases: ['Nomor Persetujuan'], required: 'conditional', requirementNote: text('Wajib bila persetujuan_menteri Y.', 'Required when persetujuan_menteri is Y.'), format: text('Teks.', 'Text.'), example: '', description: text('Nomor surat persetujuan Menteri.', "Number of the Minister's approval letter."), maxLength: 100 },
  { key: 'tanggal_persetujuan', aliases: ['Tanggal Surat Persetujuan'], required: 'conditional', requirementNote: text('Wajib bila persetujuan_menteri Y.', 'Required when persetujuan_menteri is Y.'), format: text('Tanggal.', 'Date.'), example: '', description: text('Tanggal surat persetujuan Menteri.', "Date of the Minister's approval letter.") },
];

export const rotationTemplateCsv = () => templateCsv(ROTATION_COLUMNS);

export interface RotationInput {
  electionId: string;
  regionCode: string;
  nip: string;
  name: string;
  fromPosition: string;
  toPosition: string;
  decreeNumber: string;
  decreeDate: IsoDate;
  signerName: string;
  signerRole: SignerRole;
  approval: { letterNumber: string; date: IsoDate } | null;
}

export type RotationReason = RowReason<RotationColumnKey, string>;

const MAX_LENGTH = new Map(ROTATION_COLUMNS.flatMap((c) => (c.maxLength ? [[c.key, c.maxLength] as const] : [])));
const reason = (column: RotationColumnKey, code: string, message: Localised): RotationReason => ({ column, code, message });

export function validateRotationRow(
  raw: Partial<Record<RotationColumnKey, string>>,
  context: { today: IsoDate; electionIds: ReadonlySet<string> },
): { ok: true; row: RotationInput } | { ok: false; reasons: RotationReason[] } {
  const reasons: RotationReason[] = [];
  const cell = (key: RotationColumnKey, required: boolean) => {
    const value = (raw[key] ?? '').trim();
    if (required && value === '') reasons.push(requiredReason(key));
    const max = MAX_LENGTH.get(key);
    if (max !== undefined && value.length > max) reasons.push(tooLongReason(key, max, value.length));
    return value;
  };
  const date = (key: RotationColumnKey, value: string): IsoDate | null => {
    if (value === '') return null;
    const parsed = parseRegisterDate(value);
    if (!parsed.ok) {
      reasons.push(reason(key, parsed.problem === 'format' ? 'date_format' : 'date_impossible', text(`Tanggal "${value}" tidak valid (YYYY-MM-DD).`, `Date "${value}" is not valid (YYYY-MM-DD).`)));
      return null;
    }
    if (parsed.date > context.today) reasons.push(reason(key, 'date_in_future', text(`Tanggal ${parsed.date} ada di masa depan.`, `Date ${parsed.date} is in the future.`)));
    return parsed.date;
  };

  const electionId = cell('kode_pemilihan', true);
  if (electionId !== '' && !context.electionIds.has(electionId)) {
    reasons.push(reason('kode_pemilihan', 'election_unknown', text(`Pemilihan "${electionId}" tidak dikenal.`, `Election "${electionId}" is unknown.`)));
  }
  const regionCode = cell('kode_wilayah', true);
  if (regionCode !== '' && (!isRegionCode(regionCode) || !['province', 'regency'].includes(regionLevel(regionCode)))) {
    reasons.push(reason('kode_wilayah', 'region_code_format', text(`Kode wilayah "${regionCode}" bukan provinsi atau kabupaten/kota.`, `Region code "${regionCode}" is not a province or regency/city.`)));
  }
  const nipText = cell('nip', true);
  let nip = '';
  if (nipText !== '') {
    const decoded = decodeNipOfUnknownKind(nipText, context.today);
    if (decoded.valid) nip = decoded.value.nip;
    else reasons.push(...nipReasons('nip', decoded.problems));
  }
  const name = cell('nama', true);
  const fromPosition = cell('jabatan_lama', true);
  const toPosition = cell('jabatan_baru', true);
  const decreeNumber = cell('nomor_sk', true);
  const decreeDate = date('tanggal_sk', cell('tanggal_sk', true));
  const signerName = cell('penandatangan', true);
  const roleText = cell('kapasitas_penandatangan', true);
  const signerRole = roleText === '' ? null : parseSignerRole(roleText);
  if (roleText !== '' && signerRole === null) {
    const choices = SIGNER_ROLES.map((r) => r.csvValue).join(', ');
    reasons.push(reason('kapasitas_penandatangan', 'signer_role_unknown', text(`Kapasitas "${roleText}" tidak dikenal: ${choices}.`, `Capacity "${roleText}" is unknown: ${choices}.`)));
  }
  const approvalText = cell('persetujuan_menteri', false);
  const approved = approvalText === '' ? false : parseActiveFlag(approvalText);
  if (approved === null) reasons.push(reason('persetujuan_menteri', 'approval_flag_unknown', text(`Nilai "${approvalText}" harus Y atau N.`, `Value "${approvalText}" must be Y or N.`)));
  const letterNumber = cell('nomor_surat_persetujuan', approved === true);
  const approvalDate = date('tanggal_persetujuan', cell('tanggal_persetujuan', approved === true));
  if (approved === false && (letterNumber !== '' || approvalDate !== null)) {
    reasons.push(reason('persetujuan_menteri', 'approval_details_without_approval', text('Surat persetujuan diisi, tetapi persetujuan_menteri N.', 'Approval letter details are given but persetujuan_menteri is N.')));
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    row: {
      electionId,
      regionCode,
      nip,
      name,
      fromPosition,
      toPosition,
      decreeNumber,
      decreeDate: decreeDate!,
      signerName,
      signerRole: signerRole!,
      approval: approved ? { letterNumber, date: approvalDate! } : null,
    },
  };
}
