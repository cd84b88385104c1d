/**
 * The SKB 2022 neutrality matrix (FACTS.md §2) and the sanction types it points to, as data.
 * Where sources disagree the act carries `unsure` with the alternative, so the UI can show both
 * and the basis instead of presenting one reading as settled law.
 */
import type { Localised } from '../elections/types.ts';

export type ActCode = 'A01' | 'A02' | 'A03' | 'A04' | 'A05' | 'A06' | 'A07' | 'A08' | 'A09' | 'A10' | 'A11' | 'A12';

/** Ordered from none to the heaviest: the order is what "the heaviest across acts" compares. */
export const DISCIPLINE_LEVELS = ['none', 'light', 'moderate', 'heavy', 'dismissal'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

export const DISCIPLINE_LEVEL_LABELS: Readonly<Record<DisciplineLevel, Localised>> = {
  none: { id: 'Tidak ada hukuman disiplin', en: 'No disciplinary penalty' },
  light: { id: 'Hukuman disiplin ringan', en: 'Light disciplinary penalty' },
  moderate: { id: 'Hukuman disiplin sedang', en: 'Moderate disciplinary penalty' },
  heavy: { id: 'Hukuman disiplin berat', en: 'Heavy disciplinary penalty' },
  dismissal: { id: 'Pemberhentian tidak dengan hormat', en: 'Dismissal without honour' },
};

export function disciplineRank(level: DisciplineLevel): number {
  return DISCIPLINE_LEVELS.indexOf(level);
}

export interface ProhibitedAct {
  code: ActCode;
  description: Localised;
  /** On the code-of-ethics track (PP 42/2004 art. 15): a moral sanction. */
  ethics: boolean;
  discipline: DisciplineLevel;
  /** FACTS.md marks the level unsure: the other reading and where it comes from. */
  unsure?: { alternative: DisciplineLevel; note: Localised };
  basis: string;
}

export const SKB_2022_BASIS =
  'SKB MenPAN-RB 2/2022, Mendagri 800-5474/2022, BKN 246/2022, KASN 30/2022, Bawaslu 1447.1/PM.01/K.1/09/2022 (22 Sep 2022)';

const act = (
  code: ActCode,
  id: string,
  en: string,
  ethics: boolean,
  discipline: DisciplineLevel,
  extra: Pick<ProhibitedAct, 'unsure'> & { basis?: string } = {},
): ProhibitedAct => ({
  code,
  description: { id, en },
  ethics,
  discipline,
  ...(extra.unsure ? { unsure: extra.unsure } : {}),
  basis: extra.basis ? `${SKB_2022_BASIS}; ${extra.basis}` : SKB_2022_BASIS,
});

export const PROHIBITED_ACTS: Readonly<Record<ActCode, ProhibitedAct>> = {
  A01: act('A01', 'Memasang spanduk/baliho/alat peraga lainnya terkait bakal calon/calon', 'Putting up banners, billboards or other props for a (pre-)candidate', true, 'heavy'),
  A02: act('A02', 'Sosialisasi/kampanye bakal calon/calon di media sosial/daring', 'Promoting or campaigning for a (pre-)candidate on social or online media', true, 'heavy'),
  A03: act('A03', 'Melakukan pendekatan kepada partai politik atau masyarakat sebagai bakal calon', 'Approaching a party or the public as a pre-candidate', false, 'moderate'),
  A04: act('A04', 'Menghadiri deklarasi/kampanye dan memberikan dukungan secara aktif', 'Attending a declaration or campaign and actively supporting', true, 'heavy'),
  A05: act('A05', 'Menjadi anggota atau pengurus partai politik', 'Party membership or party office', false, 'dismissal', {
    basis: 'UU 5/2014 ps. 87 ayat (4) huruf c',
  }),
  A06: act('A06', 'Membuat posting, komentar, share, like, bergabung/mengikuti grup atau akun pemenangan bakal calon/calon', "Posting, commenting, sharing, liking, or joining/following a candidate's or winning team's group or account", true, 'heavy'),
  A07: act('A07', 'Mengunggah foto bersama bakal calon/calon, tim pemenangan, atau alat peraga/simbol partai', 'Posting photos with a (pre-)candidate, campaign team or party props/gestures', true, 'heavy'),
  A08: act('A08', 'Mengadakan kegiatan yang mengarah pada keberpihakan', 'Holding activities that show partiality', false, 'heavy', {
    unsure: {
      alternative: 'moderate',
      note: { id: 'Sebagian sumber menyebut hukuman disiplin sedang.', en: 'Some sources say a moderate penalty.' },
    },
  }),
  A09: act('A09', 'Menjadi tim ahli, tim pemenangan, atau konsultan bakal calon/calon', 'Serving as expert, winning team or consultant', false, 'heavy', {
    unsure: {
      alternative: 'moderate',
      note: {
        id: 'Satu sumber menyebut sedang sebelum penetapan calon dan berat sesudahnya.',
        en: 'One source says moderate before the determination of candidates, heavy after.',
      },
    },
  }),
  A10: act('A10', 'Memberikan surat dukungan atau fotokopi KTP kepada bakal calon perseorangan', 'Giving a support letter or ID-card copy to an independent candidate', false, 'heavy'),
  A11: act('A11', 'Membuat keputusan/tindakan yang menguntungkan atau merugikan bakal calon/calon', 'Decisions or actions that benefit or harm a candidate', false, 'heavy'),
  A12: act('A12', 'Ikut kampanye suami/istri yang menjadi calon tanpa cuti di luar tanggungan negara', 'Joining the campaign of a spouse who is a candidate without unpaid leave', true, 'none'),
};

export const ACT_CODES = Object.keys(PROHIBITED_ACTS) as ActCode[];

export function isActCode(value: string): value is ActCode {
  return Object.hasOwn(PROHIBITED_ACTS, value);
}

export type SanctionTrack = 'ethics' | 'discipline';

export type SanctionTypeCode =
  | 'verbal_reprimand'
  | 'written_reprimand'
  | 'written_statement_of_dissatisfaction'
  | 'allowance_cut_25_6_months'
  | 'allowance_cut_25_9_months'
  | 'allowance_cut_25_12_months'
  | 'demotion_12_months'
  | 'removal_to_executor_post_12_months'
  | 'honourable_dismissal_not_at_own_request'
  | 'dismissal_without_honour'
  | 'moral_sanction_closed_statement'
  | 'moral_sanction_open_statement';

export interface SanctionType {
  code: SanctionTypeCode;
  track: SanctionTrack;
  /** The discipline level the type belongs to; 'none' for the ethics track. */
  level: DisciplineLevel;
  label: Localised;
  basis: string;
}

const sanction = (code: SanctionTypeCode, track: SanctionTrack, level: DisciplineLevel, id: string, en: string, basis: string): SanctionType => ({
  code,
  track,
  level,
  label: { id, en },
  basis,
});

export const SANCTION_TYPES: Readonly<Record<SanctionTypeCode, SanctionType>> = {
  verbal_reprimand: sanction('verbal_reprimand', 'discipline', 'light', 'Teguran lisan', 'Verbal reprimand', 'PP 94/2021 ps. 8 ayat (2) huruf a'),
  written_reprimand: sanction('written_reprimand', 'discipline', 'light', 'Teguran tertulis', 'Written reprimand', 'PP 94/2021 ps. 8 ayat (2) huruf b'),
  written_statement_of_dissatisfaction: sanction('written_statement_of_dissatisfaction', 'discipline', 'light', 'Pernyataan tidak puas secara tertulis', 'Written statement of dissatisfaction', 'PP 94/2021 ps. 8 ayat (2) huruf c'),
  allowance_cut_25_6_months: sanction('allowance_cut_25_6_months', 'discipline', 'moderate', 'Pemotongan tunjangan kinerja 25% selama 6 bulan', 'Performance allowance cut by 25% for 6 months', 'PP 94/2021 ps. 8 ayat (3) huruf a'),
  allowance_cut_25_9_months: sanction('allowance_cut_25_9_months', 'discipline', 'moderate', 'Pemotongan tunjangan kinerja 25% selama 9 bulan', 'Performance allowance cut by 25% for 9 months', 'PP 94/2021 ps. 8 ayat (3) huruf b'),
  allowance_cut_25_12_months: sanction('allowance_cut_25_12_months', 'discipline', 'moderate', 'Pemotongan tunjangan kinerja 25% selama 12 bulan', 'Performance allowance cut by 25% for 12 months', 'PP 94/2021 ps. 8 ayat (3) huruf c'),
  demotion_12_months: sanction('demotion_12_months', 'discipline', 'heavy', 'Penurunan jabatan setingkat lebih rendah selama 12 bulan', 'Demotion by one level for 12 months', 'PP 94/2021 ps. 8 ayat (4) huruf a'),
  removal_to_executor_post_12_months: sanction('removal_to_executor_post_12_months', 'discipline', 'heavy', 'Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan', 'Removal from post to an executor post for 12 months', 'PP 94/2021 ps. 8 ayat (4) huruf b'),
  honourable_dismissal_not_at_own_request: sanction('honourable_dismissal_not_at_own_request', 'discipline', 'heavy', 'Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS', 'Honourable dismissal not at own request', 'PP 94/2021 ps. 8 ayat (4) huruf c'),
  dismissal_without_honour: sanction('dismissal_without_honour', 'discipline', 'dismissal', 'Pemberhentian tidak dengan hormat sebagai PNS', 'Dismissal without honour', 'UU 5/2014 ps. 87 ayat (4) huruf c'),
  moral_sanction_closed_statement: sanction('moral_sanction_closed_statement', 'ethics', 'none', 'Sanksi moral: pernyataan secara tertutup', 'Moral sanction: closed statement', 'PP 42/2004 ps. 15 ayat (3) huruf a'),
  moral_sanction_open_statement: sanction('moral_sanction_open_statement', 'ethics', 'none', 'Sanksi moral: pernyataan secara terbuka', 'Moral sanction: open statement', 'PP 42/2004 ps. 15 ayat (3) huruf b'),
};

export const SANCTION_TYPE_CODES = Object.keys(SANCTION_TYPES) as SanctionTypeCode[];

export function isSanctionTypeCode(value: string): value is SanctionTypeCode {
  return Object.hasOwn(SANCTION_TYPES, value);
}

/** The sanction types of one track at one discipline level (the ethics track has level 'none'). */
export function sanctionTypesOf(track: SanctionTrack, level: DisciplineLevel): SanctionTypeCode[] {
  return SANCTION_TYPE_CODES.filter((code) => SANCTION_TYPES[code].track === track && SANCTION_TYPES[code].level === level);
}

/**
 * PPPK (contract staff) are not disciplined under PP 94/2021 but under PP 49/2018; the PPK has
 * to map the suggestion onto the contract rules. FACTS.md gives no more detail, so Netra says so.
 */
export const PPPK_NOTE: Localised = {
  id: 'Untuk PPPK, hukuman disiplin mengikuti PP 49/2018 tentang Manajemen PPPK; jenis hukuman di atas disusun untuk PNS (PP 94/2021).',
  en: 'For PPPK, discipline follows PP 49/2018 on PPPK management; the types above are written for PNS (PP 94/2021).',
};
