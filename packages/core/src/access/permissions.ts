/**
 * The permission table: every action a staff role may take, in one place. The server's route
 * guards (`requireStaff(ctx, { action })`) and the web console's menus and buttons
 * (`can(session.role, action)`) both read it, so "who may do X" has one answer.
 *
 * The table says which roles may attempt an action. Two further rules narrow it and stay where
 * they are, because they are domain rules rather than role lists:
 * - scope: a role acts only inside its territory (and agencies), enforced in the server's queries
 *   (packages/server/src/db/scope.ts and each repository);
 * - case steps: each case transition names its own roles (core cases/transitions.ts), and the
 *   statutory deadlines name who stops each clock (core cases/deadlines.ts).
 *
 * Pure data and functions: the web app imports this file directly, so it imports nothing heavy.
 */
import type { Localised } from '../elections/types.ts';
import { BAWASLU_ROLES, isRoleCode, ROLE_CODES, type RoleCode } from './roles.ts';

/**
 * Where an action applies:
 * - `territory`: inside the account's territory (national, province or regency/city), narrowed to
 *   its agencies for agency-scoped personnel roles (roles.ts `agencyScoped`);
 * - `own`: the account's own records only (its session, notifications, exports);
 * - `national`: the whole system; only national accounts hold such an action.
 */
export type ActionScope = 'territory' | 'own' | 'national';

export interface PermissionDefinition {
  roles: readonly RoleCode[];
  scope: ActionScope;
  description: Localised;
  /** The rule the action rests on, where one exists (shared/domain/FACTS.md). */
  legalBasis?: string;
  /** Finer domain rules that apply after the role check (not role lists). */
  finerRules?: string;
  /**
   * Set when no route guard checks the action but a service does (it shapes an answer rather
   * than admitting a request): names where.
   */
  checkedInService?: string;
}

const text = (id: string, en: string): Localised => ({ id, en });

// Role groups, only to write the table below; outside this file ask the table (`rolesFor`).
const BAWASLU: readonly RoleCode[] = BAWASLU_ROLES;
const EVERY_ROLE: readonly RoleCode[] = ROLE_CODES;
/** Every role but the analyst, who sees aggregated, depersonalised statistics only, never people. */
const EVERY_OFFICIAL: readonly RoleCode[] = ROLE_CODES.filter((r) => r !== 'analyst');
/**
 * The roles on a case's path: Bawaslu → BKN → the region's personnel office and PPK. The analyst
 * sees depersonalised statistics only and the administrator manages accounts and rulebooks
 * (PRODUCT.md "Who uses it"): neither reads case files.
 */
const CASE_HANDLERS: readonly RoleCode[] = [...BAWASLU, 'bkn_verifier', 'bkpsdm_officer', 'ppk_delegate'];
/** The regional government's personnel office, which collects pledges (FACTS.md §1). */
const PERSONNEL_OFFICE: readonly RoleCode[] = ['bkpsdm_officer', 'ppk_delegate'];
/**
 * The offices that supervise or run neutrality: they read lists of named civil servants and record
 * events (apel siaga is the regional government's, sosialisasi often Bawaslu's: seed 001).
 */
const PREVENTION_STAFF: readonly RoleCode[] = [...BAWASLU, ...PERSONNEL_OFFICE];

const CASE_STEPS = 'Each transition names its roles (core cases/transitions.ts); deadlines name who stops each clock (core cases/deadlines.ts).';
const CASE_VISIBILITY = 'BKN sees a case from its forwarding, the personnel office from the recommendation to the PPK (server db/scope.ts).';
const REPORT_HANDLING = 'UU 10/2016 (UU 1/2015 art. 134); Perbawaslu 8/2020 as amended by Perbawaslu 9/2024; UU 7/2017 art. 454; Perbawaslu 7/2022';

export const PERMISSIONS = {
  // ---- Session and own records
  'session.manage': {
    roles: EVERY_ROLE,
    scope: 'own',
    description: text('Melihat sesi sendiri, mengatur verifikasi dua langkah, dan keluar', 'See your own session, set up two-step verification, and sign out'),
  },
  'notifications.read': {
    roles: EVERY_ROLE,
    scope: 'own',
    description: text('Membaca dan menandai pemberitahuan sendiri', 'Read and mark your own notifications'),
  },

  // ---- Administration
  'users.manage': {
    roles: ['administrator'],
    scope: 'national',
    description: text(
      'Mengundang petugas, mengubah peran dan cakupannya dengan alasan, menonaktifkan, meminta dan menyetujui reset verifikasi dua langkah, dan melihat siapa yang dapat bertindak di suatu wilayah',
      "Invite officers, change their role and scope with a reason, deactivate them, request and approve two-step verification resets, and see who can act in a region",
    ),
    finerRules: 'A second-factor reset is approved by a second administrator, neither the requester nor the account owner; nobody changes or deactivates their own account (server capabilities/users/service.ts).',
  },
  'audit.read': {
    roles: ['administrator', 'bawaslu_national'],
    scope: 'national',
    description: text(
      'Membaca seluruh log audit dengan saringan, mengekspornya, dan melihat hasil pemeriksaan rantai hash',
      'Read the whole audit log with filters, export it, and see the result of the hash-chain check',
    ),
    finerRules: 'Oversight of the system as a whole: administrators and national Bawaslu; regional offices see the trail of their own cases on the case page.',
  },

  // ---- Reports
  'reports.read': {
    roles: CASE_HANDLERS,
    scope: 'territory',
    description: text('Membaca laporan dan bukti', 'Read reports and their evidence'),
    finerRules: CASE_VISIBILITY,
  },
  'reports.triage': {
    roles: BAWASLU,
    scope: 'territory',
    description: text(
      'Mencatat temuan atau laporan kertas, membuka identitas pelapor dengan alasan, dan memutus usulan gabung laporan ganda',
      "Record a finding (temuan) or a paper report, open a reporter's identity with a logged reason, and decide proposed merges of duplicate reports",
    ),
    legalBasis: REPORT_HANDLING,
    finerRules: 'Merging closes the absorbed case through the core command transition merge_into (core cases/transitions.ts).',
  },

  'reports.finding': {
    roles: BAWASLU,
    scope: 'territory',
    description: text(
      'Menjadikan laporan yang tidak memenuhi syarat formal (anonim, terlambat) sebagai informasi awal temuan Bawaslu',
      'Turn a report that fails the formal requirements (anonymous, late) into the initial information of a Bawaslu finding',
    ),
    legalBasis: REPORT_HANDLING,
    finerRules: 'The report stays as the source of the finding; the finding is recorded by the officer, so four eyes apply to classifying and forwarding it.',
  },

  // ---- Cases
  'cases.read': {
    roles: CASE_HANDLERS,
    scope: 'territory',
    description: text('Membaca perkara, usulan sanksi, dan petugas yang dapat ditugasi', 'Read cases, sanction suggestions and the staff a case can be assigned to'),
    finerRules: CASE_VISIBILITY,
  },
  'cases.transition': {
    roles: CASE_HANDLERS,
    scope: 'territory',
    description: text(
      'Menangani perkara: memindahkan ke tahap berikutnya (satu per satu atau sekaligus), mengunci, dan menugaskan',
      'Work on cases: move them to their next stage (one or in bulk), lock them, and assign them',
    ),
    legalBasis: `${REPORT_HANDLING}; SKB 2022 (MenPAN-RB 2/2022, Mendagri 800-5474/2022, BKN 246/2022, KASN 30/2022, Bawaslu 1447.1/PM.01/K.1/09/2022); PP 94/2021; PP 42/2004 art. 15`,
    finerRules: CASE_STEPS,
  },

  // ---- Documents
  'cases.people': {
    roles: BAWASLU,
    scope: 'territory',
    description: text('Menetapkan ASN yang dilaporkan pada perkara (satu atau lebih), atau mencatat bahwa orangnya belum diketahui', 'Identify the civil servant(s) a case is about, or record that the person is not yet known'),
    finerRules: CASE_STEPS,
  },
  'cases.siasn-block': {
    roles: ['bkn_verifier'],
    scope: 'territory',
    description: text('Mencatat pemblokiran data kepegawaian di SIASN dan pencabutannya', 'Record the block of personnel data in SIASN and its lifting'),
    finerRules: CASE_VISIBILITY,
  },

  'documents.recommendation': {
    roles: CASE_HANDLERS,
    scope: 'territory',
    description: text('Mengunduh surat rekomendasi sebuah perkara (PDF)', "Download a case's recommendation letter (PDF)"),
    finerRules: CASE_VISIBILITY,
  },
  'documents.letters': {
    roles: CASE_HANDLERS,
    scope: 'territory',
    description: text('Membuat surat perkara pada tahapnya', 'Generate the letters of a case at their step'),
    finerRules: CASE_VISIBILITY,
  },
  'documents.decree.upload': {
    roles: ['ppk_delegate'],
    scope: 'territory',
    description: text('Mengunggah keputusan sanksi yang sudah ditandatangani PPK', "Upload the PPK's signed sanction decree"),
  },
  'documents.recap': {
    roles: EVERY_ROLE,
    scope: 'territory',
    description: text('Mengunduh rekap per wilayah dan tahapan (PDF)', 'Download the recap by region and stage (PDF)'),
  },

  // ---- ASN register
  'register.read': {
    roles: EVERY_OFFICIAL,
    scope: 'territory',
    description: text('Mencari ASN, instansi, dan unit kerja', 'Search civil servants, agencies and units'),
  },
  'register.import': {
    roles: ['bkpsdm_officer', 'administrator'],
    scope: 'territory',
    description: text('Mengimpor register ASN, menambah instansi, dan memantau impor', 'Import the ASN register, add agencies, and follow import runs'),
  },
  'register.agencies.manage': {
    roles: ['bkpsdm_officer', 'administrator'],
    scope: 'territory',
    description: text(
      'Mengelola instansi dan unit kerja: menambah, mengganti nama, menggabungkan (baris register dipindahkan, tercatat di log audit), dan mengimpor dari CSV',
      'Manage agencies and units: create, rename, merge (register rows re-pointed, audited) and import from CSV',
    ),
    finerRules: 'Both agencies of a merge lie inside the account’s territory; a unit is merged only into a unit of the same agency (server capabilities/register/agencies.service.ts).',
  },

  // ---- Elections and rulebooks
  'elections.manage': {
    roles: ['administrator'],
    scope: 'national',
    description: text(
      'Membuat pemilihan, mengatur tahapan, wilayah peserta (impor CSV), dan buku aturannya; setiap perubahan buku aturan menjadi versi baru dengan alasan dan dasar hukum',
      'Create elections, set their stages, participating regions (CSV import) and rulebook; every rulebook change becomes a new version with its reason and regulation',
    ),
    finerRules: 'A rulebook change applies to cases opened after it; running cases keep the version their clocks started with (cases.rulebook_version).',
  },

  // ---- Candidates
  'candidates.read': {
    roles: EVERY_OFFICIAL,
    scope: 'territory',
    description: text('Melihat pasangan calon dan kewajiban calon ASN', "See candidate pairs and ASN candidates' obligations"),
  },
  'candidates.edit': {
    roles: ['bkpsdm_officer', 'bawaslu_regency', 'bawaslu_province', 'administrator'],
    scope: 'territory',
    description: text('Menambah, mengubah, dan mengimpor pasangan calon', 'Add, edit and import candidate pairs'),
  },
  'candidates.obligation.record': {
    roles: ['bkpsdm_officer', 'ppk_delegate', 'administrator'],
    scope: 'territory',
    description: text('Mencatat pemberitahuan dan pengunduran diri calon ASN', "Record an ASN candidate's notice and resignation"),
    legalBasis: 'UU 10/2016 art. 7(2)(t); PKPU 8/2024 art. 14; PP 11/2017 art. 254',
  },

  // ---- Rotations (art. 71(2) watch)
  'rotations.read': {
    roles: EVERY_OFFICIAL,
    scope: 'territory',
    description: text('Melihat mutasi jabatan dan penilaiannya', 'See official rotations and their assessment'),
    legalBasis: 'UU 10/2016 art. 71(2)',
  },
  'rotations.record': {
    roles: ['bkpsdm_officer', ...BAWASLU, 'administrator'],
    scope: 'territory',
    description: text('Mencatat dan mengimpor mutasi jabatan', 'Record and import official rotations'),
  },
  'rotations.terms': {
    roles: ['bkpsdm_officer', ...BAWASLU, 'administrator'],
    scope: 'territory',
    description: text('Mencatat akhir masa jabatan kepala daerah', "Record the end of a regional head's term"),
    legalBasis: 'UU 10/2016 art. 71(2): the window runs to the end of the term',
  },
  'rotations.finding': {
    roles: BAWASLU,
    scope: 'territory',
    description: text('Menjadikan mutasi yang ditandai sebagai temuan', 'Turn a flagged rotation into a finding'),
    legalBasis: 'UU 10/2016 art. 71(2), 71(5)',
  },

  // ---- Social-media screening
  'screening.read': {
    roles: [...BAWASLU, 'analyst'],
    scope: 'territory',
    description: text('Membaca antrean penapisan, leksikon, dan akun yang dipantau; menguji skor teks', 'Read the screening queue, the lexicon and the watched accounts; score a text'),
  },
  'screening.asn-links.read': {
    roles: BAWASLU,
    scope: 'territory',
    description: text('Melihat ASN di balik akun yang dipantau (analis hanya melihat statusnya)', 'See which civil servant is behind a watched account (analysts see only its status)'),
    checkedInService: 'server capabilities/screening/service.ts forViewer',
  },
  // Bawaslu's, whose findings confirmed posts become.
  'screening.triage': {
    roles: BAWASLU,
    scope: 'territory',
    description: text(
      'Mengimpor unggahan, menjadikannya laporan atau mengabaikannya, menyunting leksikon, dan menautkan akun ke ASN',
      'Import posts, turn them into reports or dismiss them, edit the lexicon, and link accounts to civil servants',
    ),
    legalBasis: REPORT_HANDLING,
  },

  // ---- Talking with reporters and the SMS/WhatsApp inbox (issue 17)
  'messages.read': {
    roles: CASE_HANDLERS,
    scope: 'territory',
    description: text('Membaca percakapan dengan pelapor pada perkara', "Read the thread with a case's reporter"),
    finerRules: `${CASE_VISIBILITY} The reporter's identity is never part of the thread.`,
  },
  'messages.ask': {
    roles: BAWASLU,
    scope: 'territory',
    description: text(
      'Mengirim pertanyaan kepada pelapor dan, bila perlu, memulai jangka waktu keterangan tambahan',
      'Ask the reporter a question and, where needed, start the more-information clock',
    ),
    legalBasis: REPORT_HANDLING,
    finerRules: 'Starting the clock is the case transition request_information (core cases/transitions.ts).',
  },
  'inbox.read': {
    roles: BAWASLU,
    scope: 'territory',
    description: text('Membaca kotak masuk SMS/WhatsApp wilayahnya', 'Read the SMS/WhatsApp inbox of their territory'),
    finerRules: 'A conversation whose region is not yet known is seen by national Bawaslu only.',
  },
  'inbox.triage': {
    roles: BAWASLU,
    scope: 'territory',
    description: text(
      'Membalas pesan SMS/WhatsApp, menetapkan wilayahnya, menjadikannya laporan atau mengabaikannya dengan alasan',
      'Reply to SMS/WhatsApp messages, set their region, turn them into a report or dismiss them with a reason',
    ),
    legalBasis: REPORT_HANDLING,
  },

  // ---- Prevention
  'prevention.coverage.read': {
    roles: EVERY_ROLE,
    scope: 'territory',
    description: text('Melihat cakupan pakta integritas dan daftar kegiatan sosialisasi', 'See pledge coverage and the list of socialisation events'),
  },
  'prevention.read': {
    roles: PREVENTION_STAFF,
    scope: 'territory',
    description: text(
      'Melihat nama ASN yang sudah dan belum menandatangani pakta, dan kehadiran sebuah kegiatan',
      'See the names of civil servants who have and have not signed the pledge, and who attended an event',
    ),
  },
  'prevention.pledge.record': {
    roles: PERSONNEL_OFFICE,
    scope: 'territory',
    description: text('Mencatat, mengimpor, dan menghapus pakta integritas', 'Record, import and delete neutrality pledges'),
    legalBasis: 'SKB 2022 (pedoman pembinaan dan pengawasan netralitas ASN)',
  },
  'prevention.event.record': {
    roles: PREVENTION_STAFF,
    scope: 'territory',
    description: text('Mencatat kegiatan sosialisasi dan kehadirannya', 'Record socialisation events and their attendance'),
  },

  'workload.read': {
    roles: EVERY_ROLE,
    scope: 'territory',
    description: text(
      'Melihat pekerjaan hari ini: laporan baru, tenggat hari ini dan 3 hari ke depan, terlambat, tugas saya, menunggu saya, notifikasi',
      "See the day's work: new reports, clocks due today and in the next 3 days, overdue, assigned to me, waiting for me, notifications",
    ),
    finerRules: 'Case counts only for roles that read cases (cases.read), each counted through the same scoped query as the queue it links to.',
  },

  // ---- Dashboards and exports
  'dashboards.read': {
    roles: EVERY_ROLE,
    scope: 'territory',
    description: text('Melihat dasbor wilayah dan instansi, dan meminta pembaruan angkanya', 'See the region and agency dashboards, and ask for their figures to be refreshed'),
  },
  'exports.run': {
    roles: EVERY_ROLE,
    scope: 'own',
    description: text(
      'Meminta ekspor dan mengunduh berkas ekspor sendiri (setiap sumber meminta izin membaca datanya)',
      'Request exports and download your own export files (each source also requires reading its data)',
    ),
    finerRules: 'Each export source names the action that reads its data (server capabilities/exports/sources.ts).',
  },

  // ---- Retention and legal hold (issue 13)
  'retention.holds.read': {
    roles: EVERY_OFFICIAL,
    scope: 'territory',
    description: text(
      'Melihat penahanan hukum (legal hold) pada perkara, laporan, atau orang yang dapat Anda lihat',
      'See the legal holds on a case, report or person you can see (the badge wherever it appears)',
    ),
    finerRules: 'Only on records the account may read: a case at the stage it reaches the role (server db/scope.ts caseVisibleTo), a person in its territory and agencies. The list of all holds is retention.read.',
  },
  'retention.holds.manage': {
    roles: [...BAWASLU, 'administrator'],
    scope: 'territory',
    description: text(
      'Memasang dan mencabut penahanan hukum atas perkara, laporan, orang, wilayah, atau pemilihan, dengan alasan',
      'Place and lift legal holds on a case, a report, a person, a region or an election, with a reason',
    ),
    legalBasis: 'UU 27/2022 art. 43(3)–44: erasure yields to legal proceedings and supervision',
    finerRules: 'The target must lie in the scope; a hold on a whole election needs a national account.',
  },
  'retention.read': {
    roles: [...BAWASLU, 'administrator'],
    scope: 'territory',
    description: text(
      'Melihat aturan retensi, apa yang akan kedaluwarsa 30/90 hari ke depan per aturan dan wilayah, dan riwayat pemusnahan',
      'See the retention rules, what expires in the next 30/90 days per rule and region, and the purge history',
    ),
  },
  'retention.rules': {
    roles: ['administrator'],
    scope: 'national',
    description: text('Mengubah masa simpan per jenis data dan pemilihan, dengan dasar hukumnya', 'Change how long each kind of data is kept, per election, with its legal basis'),
    legalBasis: 'UU 27/2022 art. 43–44; UU 43/2009 (the agency retention schedule)',
  },
  'retention.purge': {
    roles: ['administrator'],
    scope: 'national',
    description: text('Menjalankan uji coba pemusnahan dan pemusnahan data kedaluwarsa', 'Run the purge of expired data as a dry run or for real'),
    finerRules: 'The real purge asks for a typed confirmation; items under a legal hold are never touched.',
  },
} as const satisfies Record<string, PermissionDefinition>;

export type PermissionAction = keyof typeof PERMISSIONS;

export const PERMISSION_ACTIONS = Object.keys(PERMISSIONS) as PermissionAction[];

export function isPermissionAction(value: string): value is PermissionAction {
  return Object.hasOwn(PERMISSIONS, value);
}

/** May this role take this action? Unknown roles (e.g. a stale session's) may do nothing. */
export function can(role: string, action: PermissionAction): boolean {
  return isRoleCode(role) && (PERMISSIONS[action].roles as readonly RoleCode[]).includes(role);
}

/** The roles allowed an action, in the order of ROLE_CODES. */
export function rolesFor(action: PermissionAction): readonly RoleCode[] {
  return ROLE_CODES.filter((role) => can(role, action));
}

/** Every action a role may take, in the table's order. */
export function actionsFor(role: string): PermissionAction[] {
  return PERMISSION_ACTIONS.filter((action) => can(role, action));
}
