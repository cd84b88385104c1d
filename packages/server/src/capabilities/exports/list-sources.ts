/**
 * Every console list as an export source: the case queue, reports, the register, candidate pairs,
 * rotations and the screening queue. Each takes the filter its screen sends to the list's own
 * API (the same zod fields), and reads through the capability's own scoped query or service, so
 * a file holds exactly the rows the person could page through, never one outside their scope.
 * Moments are written in the row's region zone with the zone named ("2024-11-29 10:00 WITA").
 * Large lists (cases, reports, register) are streamed through a cursor; the others are computed
 * lists of at most a few thousand rows.
 */
import { formatLocalDateTime, timeZoneOfRegion, type Localised } from '@netra/core';
import { z } from 'zod';
import type { Language } from '../../http/language.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { listCandidatePairs } from '../candidates/service.ts';
import { caseExportQuery } from '../cases/detail.ts';
import { stateLabel } from '../cases/present.ts';
import { listCasesQuery } from '../cases/schema.ts';
import { positionLabel, registerExportQuery } from '../register/service.ts';
import { reportExportQuery } from '../reports/staff.service.ts';
import { listRotations } from '../rotations/service.ts';
import { listPosts } from '../screening/service.ts';
import { columnsIn, slugOf, type ExportSource, type ExportViewer } from './types.ts';
import type { CellValue } from './writer.ts';

/** The export's reader as the services expect a request: the same person, role and scope. */
const readerOf = (viewer: ExportViewer, language: Language): RequestContext => ({
  actor: { ...viewer, email: '', name: '', sessionId: '', csrfToken: '', mfa: 'passed' },
  language,
  meta: { ip: null, userAgent: 'netra-export' },
});

/** A stored moment in a zone, sortable and named: "2024-11-29 10:00 WITA". */
const localMoment = (value: unknown, timeZone: string): string | null => (value ? formatLocalDateTime(new Date(value as string), timeZone, { style: 'sortable' }) : null);
const yesNo = (value: unknown, language: Language) => (value ? (language === 'id' ? 'ya' : 'yes') : language === 'id' ? 'tidak' : 'no');
const regionFilter = z.string().trim().max(13).optional();

const casesSource: ExportSource = {
  id: 'cases',
  title: { id: 'Antrian perkara', en: 'Case queue' },
  action: 'cases.read',
  // The queue's own query fields (GET /cases), without the page.
  filter: listCasesQuery.omit({ limit: true, offset: true, lang: true }),
  async plan(ctx, viewer, filter, language) {
    const f = filter as Parameters<typeof caseExportQuery>[2];
    const c = columnsIn(language);
    return {
      slug: slugOf('perkara', f.queue, f.region, f.due),
      title: language === 'id' ? 'Antrian perkara Netra' : 'Netra case queue',
      columns: [
        c('Nomor perkara', 'Case number', 20),
        c('Status', 'State', 36),
        c('Kode wilayah', 'Region code'),
        c('Wilayah', 'Region', 28),
        c('Pemilihan', 'Election', 28),
        c('Ringkasan', 'Summary', 60),
        c('Jenis pelanggaran', 'Acts'),
        c('Diterima', 'Received on'),
        c('Tenggat berikut', 'Next deadline'),
        c('Tanggal tenggat', 'Due on'),
        c('Petugas', 'Assignee', 24),
        c('Dikerjakan oleh (kunci)', 'Locked by', 24),
        c('Kunci sampai', 'Locked until', 22),
        c('Diubah', 'Updated', 22),
        c('Ditutup', 'Closed', 22),
      ],
      query: {
        compiled: caseExportQuery(ctx, readerOf(viewer, language), f),
        toCells: (r) => {
          const zone = r.time_zone as string;
          const locked = r.locked_until && new Date(r.locked_until as string) > new Date();
          return [
            r.number,
            stateLabel(r.state as string, language),
            r.region_code,
            r.region_name,
            language === 'id' ? r.election_name_id : r.election_name_en,
            r.summary,
            (r.act_codes as string[]).join(', '),
            r.received_on,
            r.next_deadline_code,
            r.next_deadline_due,
            r.assignee_name ?? null,
            locked ? r.lock_holder_name : null,
            locked ? localMoment(r.locked_until, zone) : null,
            localMoment(r.updated_at, zone),
            localMoment(r.closed_at, zone),
          ] as CellValue[];
        },
      },
    };
  },
};

const SOURCE_LABELS: Record<string, Localised> = {
  public: { id: 'Laporan masyarakat', en: 'Public report' },
  finding: { id: 'Temuan Bawaslu', en: 'Bawaslu finding' },
  paper: { id: 'Laporan tertulis', en: 'Paper report' },
  screening: { id: 'Temuan penapisan media sosial', en: 'Social-media screening finding' },
  rotation: { id: 'Temuan pengawasan mutasi', en: 'Rotation watch finding' },
};

const reportsSource: ExportSource = {
  id: 'reports',
  title: { id: 'Laporan dan temuan', en: 'Reports and findings' },
  action: 'reports.read',
  filter: z.object({ caseId: z.uuid().optional(), q: z.string().trim().min(2).max(100).optional() }),
  async plan(ctx, viewer, filter, language) {
    const f = filter as { caseId?: string; q?: string };
    const c = columnsIn(language);
    return {
      slug: slugOf('laporan', f.q ? 'cari' : null),
      title: language === 'id' ? 'Laporan dan temuan Netra' : 'Netra reports and findings',
      // Never the reporter's identity: it is sealed, opened one at a time with a logged reason.
      columns: [
        c('Nomor tanda terima', 'Receipt number', 22),
        c('Sumber', 'Source', 24),
        c('Nomor perkara', 'Case number', 20),
        c('Status perkara', 'Case state', 32),
        c('Kode wilayah', 'Region code'),
        c('Wilayah', 'Region', 28),
        c('Tempat kejadian', 'Place', 32),
        c('Tanggal kejadian', 'Occurred on'),
        c('Diketahui', 'Known on'),
        c('Dikirim', 'Sent at', 22),
        c('Dihitung diterima', 'Counts as received on'),
        c('Terlambat (hari)', 'Days late'),
        c('Anonim', 'Anonymous'),
        c('Terlapor', 'Reported person', 28),
        c('NIP terlapor', 'Reported NIP', 20),
        c('Jabatan terlapor', 'Reported position', 28),
        c('Instansi terlapor', 'Reported agency', 28),
        c('Jenis pelanggaran', 'Acts'),
        c('Berkas bukti', 'Evidence files'),
        c('Uraian', 'Description', 80),
      ],
      query: {
        compiled: reportExportQuery(ctx, readerOf(viewer, language), f),
        toCells: (r) => [
          r.receiptNumber,
          SOURCE_LABELS[r.source as string]?.[language] ?? r.source,
          r.caseNumber,
          stateLabel(r.caseState as string, language),
          r.regionCode,
          r.regionName,
          r.place,
          r.occurredOn,
          r.knownOn,
          localMoment(r.receivedAt, r.timeZone as string),
          r.receivedOn,
          Number(r.lateByDays),
          yesNo(r.anonymous, language),
          r.reportedName,
          r.reportedNip,
          r.reportedPosition,
          r.reportedAgency,
          (r.actCodes as string[]).join(', '),
          Number(r.evidenceCount),
          r.description,
        ] as CellValue[],
      },
    };
  },
};

const registerSource: ExportSource = {
  id: 'register',
  title: { id: 'Register ASN', en: 'ASN register' },
  action: 'register.read',
  filter: z.object({
    nip: z.string().trim().max(40).optional(),
    q: z.string().trim().max(150).optional(),
    agencyId: z.coerce.number().int().positive().optional(),
    position: z.string().trim().max(150).optional(),
    unit: z.string().trim().max(150).optional(),
    positionType: z.string().trim().max(20).optional(),
    regionCode: regionFilter,
    active: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().optional()),
  }),
  async plan(ctx, viewer, filter, language) {
    const f = filter as Parameters<typeof registerExportQuery>[2];
    const c = columnsIn(language);
    return {
      slug: slugOf('register-asn', f.regionCode, f.agencyId),
      title: language === 'id' ? 'Register ASN Netra' : 'Netra ASN register',
      columns: [c('NIP', 'NIP', 20), c('Nama', 'Name', 32), c('Jenis ASN', 'Kind'), c('Jabatan', 'Position', 36), c('Jenis jabatan', 'Position type', 20), c('Golongan', 'Grade'), c('Instansi', 'Agency', 36), c('Unit kerja', 'Unit', 36), c('Kode wilayah', 'Region code'), c('Wilayah', 'Region', 24), c('Aktif', 'Active')],
      query: {
        compiled: registerExportQuery(ctx, readerOf(viewer, language), f),
        toCells: (r) => [r.nip, r.name, String(r.kind).toUpperCase(), r.positionTitle, positionLabel(r.positionType as string, language), r.grade, r.agencyName, r.unitName, r.regionCode, r.regionName, yesNo(r.active, language)] as CellValue[],
      },
    };
  },
};

const candidatesSource: ExportSource = {
  id: 'candidates',
  title: { id: 'Pasangan calon dan kewajiban ASN', en: 'Candidate pairs and ASN obligations' },
  action: 'candidates.read',
  filter: z.object({ electionId: z.string().trim().max(40).optional(), regionCode: regionFilter, asnOnly: z.preprocess((v) => v === true || v === 'true', z.boolean()).default(false) }),
  async plan(ctx, viewer, filter, language) {
    const f = filter as { electionId?: string; regionCode?: string; asnOnly: boolean };
    const { items } = await listCandidatePairs(ctx, readerOf(viewer, language), f);
    const c = columnsIn(language);
    // One row per pair, and one more per obligation of an ASN member.
    const rows: CellValue[][] = items.flatMap((p) => {
      const pair = [p.electionId, p.regionCode, p.regionName, p.ballotNumber, p.head.name, p.deputy.name, p.independent ? (language === 'id' ? 'perseorangan' : 'independent') : p.parties.join(', ')];
      const obligations = p.asnMembers.flatMap((m) => m.obligations.map((o) => [...pair, m.name, m.nip, o.name, o.due, o.status, o.doneOn]));
      return obligations.length > 0 ? obligations : [[...pair, null, null, null, null, null, null]];
    });
    return {
      slug: slugOf('paslon', f.electionId, f.regionCode),
      title: language === 'id' ? 'Pasangan calon dan kewajiban ASN' : 'Candidate pairs and ASN obligations',
      columns: [c('Pemilihan', 'Election'), c('Kode wilayah', 'Region code'), c('Wilayah', 'Region', 24), c('Nomor urut', 'Ballot number'), c('Calon kepala daerah', 'Head candidate', 28), c('Calon wakil', 'Deputy candidate', 28), c('Pengusung', 'Nominated by', 36), c('Calon ASN', 'ASN candidate', 28), c('NIP', 'NIP', 20), c('Kewajiban', 'Obligation', 36), c('Batas waktu', 'Due'), c('Status', 'Status'), c('Dipenuhi', 'Done on')],
      rows,
    };
  },
};

const rotationsSource: ExportSource = {
  id: 'rotations',
  title: { id: 'Pengawasan mutasi', en: 'Rotation watch' },
  action: 'rotations.read',
  filter: z.object({ electionId: z.string().trim().max(40).optional(), regionCode: regionFilter, flagged: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().optional()) }),
  async plan(ctx, viewer, filter, language) {
    const f = filter as { electionId?: string; regionCode?: string; flagged?: boolean };
    const { items } = await listRotations(ctx, readerOf(viewer, language), { ...f, limit: 100_000, offset: 0 });
    const c = columnsIn(language);
    return {
      slug: slugOf('mutasi', f.electionId, f.regionCode, f.flagged ? 'ditandai' : null),
      title: language === 'id' ? 'Pengawasan mutasi (UU 10/2016 pasal 71 ayat 2)' : 'Rotation watch (UU 10/2016 art. 71(2))',
      columns: [c('Pemilihan', 'Election'), c('Kode wilayah', 'Region code'), c('Wilayah', 'Region', 24), c('NIP', 'NIP', 20), c('Nama', 'Name', 28), c('Jabatan asal', 'From position', 32), c('Jabatan baru', 'To position', 32), c('Nomor SK', 'Decree number', 24), c('Tanggal SK', 'Decree date'), c('Penanda tangan', 'Signed by', 28), c('Persetujuan Mendagri', "Minister's approval", 28), c('Ditandai', 'Flagged'), c('Tingkat', 'Severity'), c('Alasan', 'Reasons', 60), c('Temuan', 'Finding case')],
      rows: items.map((r) => [
        r.electionId,
        r.regionCode,
        r.regionName,
        r.person.nip,
        r.person.name,
        r.fromPosition,
        r.toPosition,
        r.decree.number,
        r.decree.date,
        `${r.signedBy.name} (${r.signedBy.roleLabel})`,
        r.ministerApproval ? `${r.ministerApproval.letterNumber}, ${r.ministerApproval.date}` : null,
        r.assessment ? yesNo(r.assessment.flagged, language) : null,
        r.assessment?.severity ?? null,
        r.assessment?.reasons.map((x) => x.message).join(' ') ?? null,
        r.finding?.caseNumber ?? null,
      ]),
    };
  },
};

/** The screening queue is read in pages of this many posts; an export holds at most SCREENING_CAP. */
const SCREENING_PAGE = 200;
const SCREENING_CAP = 20_000;

const screeningSource: ExportSource = {
  id: 'screening',
  title: { id: 'Antrian penapisan media sosial', en: 'Social-media screening queue' },
  action: 'screening.read',
  filter: z.object({
    status: z.enum(['queued', 'confirmed', 'dismissed', 'all']).default('queued'),
    electionId: z.string().trim().max(40).optional(),
    regionCode: regionFilter,
    accountId: z.uuid().optional(),
    handle: z.string().trim().min(1).max(100).optional(),
    minScore: z.coerce.number().int().min(0).max(100).optional(),
    category: z.enum(['likely_support', 'likely_opposition', 'mention_only', 'irrelevant']).optional(),
  }),
  async plan(ctx, viewer, filter, language) {
    const f = filter as Omit<Parameters<typeof listPosts>[2], 'limit' | 'offset'>;
    const reader = readerOf(viewer, language);
    const posts: Awaited<ReturnType<typeof listPosts>>['items'] = [];
    for (let offset = 0; offset < SCREENING_CAP; offset += SCREENING_PAGE) {
      const page = await listPosts(ctx, reader, { ...f, limit: SCREENING_PAGE, offset });
      posts.push(...page.items);
      if (page.items.length < SCREENING_PAGE || posts.length >= page.total) break;
    }
    const c = columnsIn(language);
    return {
      slug: slugOf('penapisan', f.status, f.regionCode),
      title: language === 'id' ? 'Antrian penapisan media sosial' : 'Social-media screening queue',
      columns: [c('Platform', 'Platform'), c('Tautan', 'URL', 40), c('Diunggah', 'Posted at', 22), c('Kode wilayah', 'Region code'), c('Wilayah', 'Region', 24), c('Skor', 'Score'), c('Kategori', 'Category', 18), c('Calon', 'Candidate', 28), c('Sikap', 'Stance'), c('Status', 'Status'), c('Alasan penolakan', 'Dismissal reason', 24), c('Perkara', 'Case', 20), c('Teks', 'Text', 80)],
      rows: posts.map((p) => [p.platform, p.url, localMoment(p.postedAt, timeZoneOfRegion(p.regionCode)), p.regionCode, p.regionName, p.score, p.category, p.candidate?.label ?? null, p.stance, p.status, p.dismissalReason, p.report?.caseNumber ?? null, p.text]),
    };
  },
};

export const LIST_SOURCES: readonly ExportSource[] = [casesSource, reportsSource, registerSource, candidatesSource, rotationsSource, screeningSource];
