/**
 * The elections Netra ships as real data (FACTS.md §3, §6). Everything here is data a
 * administrator can override in the database; these are the defaults the seed writes.
 */
import type { DeadlineRule, Election, ElectionStage, FourEyesRule, NonWorkingDay, Rulebook } from './types.ts';
import { RECIPIENTS_BY_DATE } from './recipients.ts';
import { PILKADA_2020_PLACEMENT_NOTES, PILKADA_2020_PROVINCES, PILKADA_2020_REGENCIES } from './pilkada-2020-regions.ts';

const stage = (
  code: ElectionStage['code'],
  id: string,
  en: string,
  start: string,
  end: string,
  critical: boolean,
  basis: string,
  levels?: ElectionStage['levels'],
): ElectionStage => ({ code, name: { id, en }, start, end, critical, basis, ...(levels ? { levels } : {}) });

const calendarDays = (days: number, basis: string, unsure = false): DeadlineRule => ({
  days,
  counting: 'calendar',
  basis,
  ...(unsure ? { unsure } : {}),
});
const workingDays = (days: number, basis: string): DeadlineRule => ({ days, counting: 'working', basis });

// National holidays and cuti bersama are the decrees' (deadlines/holidays-id.ts); a rulebook
// only adds what is particular to the election, such as its voting day.

const FOUR_EYES: FourEyesRule = {
  findings: true,
  basis:
    'Pemisahan tugas: temuan dicatat satu pengawas dan dikonfirmasi pengawas kedua dari Bawaslu yang sama sebelum ditetapkan sebagai pelanggaran dan diteruskan (praktik pengendalian internal; dapat dimatikan per buku aturan).',
};

const PPK_FOLLOW_UP: DeadlineRule = calendarDays(
  10,
  'Tidak ada angka undang-undang yang terkonfirmasi; Kemendagri menyebut 10 hari (2020). Dapat diubah per pemilihan.',
  true,
);

const pilkadaRulebook = (extra: NonWorkingDay[]): Rulebook => ({
  reportWindow: calendarDays(7, 'UU 1/2015 ps. 134 ayat (4) jo. UU 10/2016; Perbawaslu 8/2020 jo. 9/2024'),
  review: calendarDays(3, 'UU 1/2015 ps. 134 ayat (5) jo. UU 10/2016'),
  reviewExtension: calendarDays(2, 'UU 1/2015 ps. 134 ayat (6): diperpanjang 2 hari bila perlu keterangan tambahan'),
  reviewExtensionIsTotal: false,
  moreInformation: calendarDays(2, 'Perbawaslu 8/2020 jo. 9/2024: kelengkapan laporan'),
  bknVerification: calendarDays(7, 'Satgas netralitas ASN (BKN, KemenPAN-RB, Kemendagri, Bawaslu), 2024'),
  ppkFollowUp: PPK_FOLLOW_UP,
  recommendationRecipients: [...RECIPIENTS_BY_DATE],
  fourEyes: FOUR_EYES,
  receptionHours: { from: '08:00', to: '16:00' },
  extraNonWorkingDays: extra,
});

export const PILKADA_2024: Election = {
  id: 'pilkada-2024',
  kind: 'pilkada',
  name: { id: 'Pemilihan Kepala Daerah Serentak 2024', en: 'Simultaneous Regional Head Elections 2024' },
  year: 2024,
  votingDay: '2024-11-27',
  scope: 'regional',
  basis: 'PKPU 2/2024 tentang Tahapan dan Jadwal Pemilihan 2024',
  // 545 regions: 37 provinces (not DI Yogyakarta) and every regency/city except Jakarta's
  // administrative regency and cities, which have no elected head.
  participation: {
    provinces: { allExcept: ['34'] },
    regencies: { allExcept: ['31.01', '31.71', '31.72', '31.73', '31.74', '31.75'] },
  },
  stages: [
    stage('registration_announcement', 'Pengumuman pendaftaran', 'Announcement of registration', '2024-08-24', '2024-08-26', false, 'PKPU 2/2024'),
    stage('registration', 'Pendaftaran pasangan calon', 'Candidate registration', '2024-08-27', '2024-08-29', true, 'PKPU 2/2024'),
    stage('requirements_check', 'Penelitian persyaratan calon', 'Checking requirements', '2024-08-27', '2024-09-21', false, 'PKPU 2/2024'),
    stage('determination', 'Penetapan pasangan calon', 'Determination of candidates', '2024-09-22', '2024-09-22', false, 'PKPU 2/2024'),
    stage('ballot_number_draw', 'Pengundian nomor urut', 'Ballot-number draw', '2024-09-23', '2024-09-23', false, 'PKPU 2/2024'),
    stage('campaign', 'Masa kampanye', 'Campaign', '2024-09-25', '2024-11-23', true, 'PKPU 2/2024'),
    stage('quiet_period', 'Masa tenang', 'Quiet period', '2024-11-24', '2024-11-26', false, 'PKPU 2/2024'),
    stage('voting', 'Pemungutan suara', 'Voting', '2024-11-27', '2024-11-27', true, 'PKPU 2/2024'),
    stage('counting', 'Penghitungan dan rekapitulasi suara', 'Counting and recapitulation', '2024-11-27', '2024-12-16', true, 'PKPU 2/2024'),
    stage('recap_district', 'Rekapitulasi tingkat kecamatan', 'Sub-district recapitulation', '2024-11-28', '2024-12-03', true, 'PKPU 2/2024'),
    stage('recap_regency', 'Rekapitulasi tingkat kabupaten/kota', 'Regency/city recapitulation', '2024-11-29', '2024-12-06', true, 'PKPU 2/2024'),
    stage('recap_province', 'Rekapitulasi tingkat provinsi', 'Provincial recapitulation', '2024-11-30', '2024-12-09', true, 'PKPU 2/2024', ['province']),
  ],
  rulebook: pilkadaRulebook([
    { date: '2024-11-27', reason: 'Hari pemungutan suara Pilkada', basis: 'Keppres 33/2024' },
  ]),
};

export const PILKADA_2020: Election = {
  id: 'pilkada-2020',
  kind: 'pilkada',
  name: { id: 'Pemilihan Kepala Daerah Serentak 2020', en: 'Simultaneous Regional Head Elections 2020' },
  year: 2020,
  votingDay: '2020-12-09',
  scope: 'regional',
  basis: 'PKPU 5/2020 tentang Tahapan, Program dan Jadwal Pemilihan 2020',
  // 270 regions: 9 provinces, 224 regencies, 37 cities (pilkada-2020-regions.ts, with the
  // placements that rest on inference as notes).
  participation: {
    provinces: { only: [...PILKADA_2020_PROVINCES] },
    regencies: { only: [...PILKADA_2020_REGENCIES] },
    placementNotes: PILKADA_2020_PLACEMENT_NOTES,
  },
  stages: [
    stage('registration', 'Pendaftaran pasangan calon', 'Candidate registration', '2020-09-04', '2020-09-06', true, 'PKPU 5/2020'),
    stage('determination', 'Penetapan pasangan calon', 'Determination of candidates', '2020-09-23', '2020-09-23', false, 'PKPU 5/2020'),
    stage('ballot_number_draw', 'Pengundian nomor urut', 'Ballot-number draw', '2020-09-24', '2020-09-24', false, 'PKPU 5/2020'),
    stage('campaign', 'Masa kampanye', 'Campaign', '2020-09-26', '2020-12-05', true, 'PKPU 5/2020'),
    stage('quiet_period', 'Masa tenang', 'Quiet period', '2020-12-06', '2020-12-08', false, 'PKPU 5/2020'),
    stage('voting', 'Pemungutan suara', 'Voting', '2020-12-09', '2020-12-09', true, 'PKPU 5/2020'),
    stage('counting', 'Penghitungan dan rekapitulasi suara', 'Counting and recapitulation', '2020-12-09', '2020-12-26', true, 'PKPU 5/2020'),
  ],
  rulebook: pilkadaRulebook([{ date: '2020-12-09', reason: 'Hari pemungutan suara Pilkada', basis: 'Keppres 22/2020' }]),
};

export const PEMILU_2024: Election = {
  id: 'pemilu-2024',
  kind: 'pemilu',
  name: { id: 'Pemilihan Umum 2024', en: 'General Election 2024' },
  year: 2024,
  votingDay: '2024-02-14',
  scope: 'national',
  basis: 'PKPU 3/2022 tentang Tahapan dan Jadwal Penyelenggaraan Pemilu 2024',
  participation: { provinces: 'all', regencies: 'all' },
  stages: [
    stage('registration', 'Pendaftaran calon presiden dan wakil presiden', 'Presidential candidate registration', '2023-10-19', '2023-10-25', true, 'PKPU 3/2022'),
    stage('determination', 'Penetapan pasangan calon presiden', 'Determination of presidential candidates', '2023-11-13', '2023-11-13', false, 'PKPU 3/2022'),
    stage('campaign', 'Masa kampanye', 'Campaign', '2023-11-28', '2024-02-10', true, 'PKPU 3/2022'),
    stage('quiet_period', 'Masa tenang', 'Quiet period', '2024-02-11', '2024-02-13', false, 'PKPU 3/2022'),
    stage('voting', 'Pemungutan suara', 'Voting', '2024-02-14', '2024-02-14', true, 'PKPU 3/2022'),
    stage('counting', 'Penghitungan dan rekapitulasi suara', 'Counting and recapitulation', '2024-02-14', '2024-03-20', true, 'PKPU 3/2022'),
  ],
  rulebook: {
    reportWindow: workingDays(7, 'UU 7/2017 ps. 454 ayat (6)'),
    // FACTS.md §3: "initial review (kajian awal) within 2 days".
    initialReview: calendarDays(2, 'Perbawaslu 7/2022: kajian awal paling lama 2 hari setelah laporan diterima'),
    // FACTS.md §3 says "7 days" without saying calendar or working: counted as calendar days
    // (the shorter reading) and marked unsure, changeable per rulebook.
    review: calendarDays(7, 'UU 7/2017 ps. 454 ayat (7); Perbawaslu 7/2022: tindak lanjut paling lama 7 hari (hari kalender atau hari kerja belum dipastikan)', true),
    reviewExtension: workingDays(14, 'UU 7/2017 ps. 454 ayat (8): paling lama 14 hari kerja bila perlu keterangan tambahan'),
    reviewExtensionIsTotal: true,
    // The reporter's time to complete a report in Pemilu could not be confirmed; 2 working days
    // mirrors the initial-review period (kajian awal) and can be changed per election.
    moreInformation: { ...workingDays(2, 'Perbawaslu 7/2022 (jangka waktu melengkapi laporan belum dipastikan)'), unsure: true },
    bknVerification: calendarDays(7, 'Satgas netralitas ASN (BKN, KemenPAN-RB, Kemendagri, Bawaslu); KASN sebelum 24 Agustus 2024'),
    ppkFollowUp: PPK_FOLLOW_UP,
    recommendationRecipients: [...RECIPIENTS_BY_DATE],
    fourEyes: FOUR_EYES,
    extraNonWorkingDays: [{ date: '2024-02-14', reason: 'Hari pemungutan suara Pemilu', basis: 'Keppres 10/2024' }],
  },
};

export const SHIPPED_ELECTIONS: readonly Election[] = [PILKADA_2024, PILKADA_2020, PEMILU_2024];
