/**
 * What can be exported: every list and dashboard table, each with the same filter its screen uses
 * and the same scoped query, so a file holds exactly what the person saw (all pages of it). A
 * source either computes its (few) rows or gives the SQL of its list, which is streamed through a
 * cursor. Other capabilities add a source here to make their lists exportable.
 */
import { formatLocalDateTime, timeZoneOfRegion } from '@netra/core';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Language } from '../../http/language.ts';
import { territoryCode } from '../../http/validation.ts';
import { auditFilterSchema } from '../audit-viewer/schema.ts';
import { auditRows, type AuditFilter } from '../audit/service.ts';
import { dashboard } from '../dashboards/service.ts';
import { resolveView } from '../dashboards/view.ts';
import { allAgencyFigures } from '../figures/service.ts';
import { attendeeRows, coverageRows, EVENT_KINDS, eventRows, pledgeRows, requireEvent, unsignedRows } from '../prevention/service.ts';
import { LIST_SOURCES } from './list-sources.ts';
import { columnsIn, slugOf, type ExportSource, type ExportViewer } from './types.ts';
import type { CellValue } from './writer.ts';

export type { ExportPlan, ExportSource, ExportViewer } from './types.ts';

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
const electionFilter = { electionId: z.string().min(1).max(40), region: territoryCode.optional() };

/** The territory a list export covers (checked against the viewer's scope) and the file's title. */
async function territoryOf(ctx: AppContext, viewer: ExportViewer, f: { electionId: string; region?: string }, language: Language) {
  const view = await resolveView(ctx, viewer, f.electionId, f.region, language);
  return { view, title: `${view.election.name[language]} · ${view.breadcrumb.at(-1)!.name}` };
}

const DASHBOARD_TABLES = ['regions', 'state', 'stage', 'act', 'position', 'source', 'deadlines', 'weekly'] as const;

const dashboardSource: ExportSource = {
  id: 'dashboard',
  title: { id: 'Tabel dasbor', en: 'Dashboard table' },
  action: 'dashboards.read',
  filter: z.object({ ...electionFilter, table: z.enum(DASHBOARD_TABLES) }),
  async plan(ctx, viewer, filter, language) {
    const f = filter as { electionId: string; region?: string; table: (typeof DASHBOARD_TABLES)[number] };
    const d = await dashboard(ctx, { actor: viewer, language }, f.electionId, f.region);
    const c = columnsIn(language);
    const base = { slug: slugOf('dasbor', f.table, f.electionId, d.territory.code), title: `${d.election.name} · ${d.territory.name}`, dataAsOf: d.dataAsOf };
    switch (f.table) {
      case 'regions':
        return {
          ...base,
          columns: [c('Kode wilayah', 'Region code'), c('Wilayah', 'Region', 32), c('Laporan', 'Reports'), c('Perkara', 'Cases'), c('Pelanggaran terbukti', 'Proven violations'), c('Sanksi', 'Sanctions'), c('Direkomendasikan ke PPK', 'Recommended to PPK'), c('Ditindaklanjuti PPK', 'Followed up by PPK'), c('Tindak lanjut PPK (%)', 'PPK follow-up (%)'), c('ASN aktif', 'Active ASN'), c('Pakta integritas', 'Pledges'), c('Cakupan pakta (%)', 'Pledge coverage (%)'), c('ASN tersosialisasi', 'ASN reached'), c('Kegiatan sosialisasi', 'Socialisation events')],
          rows: d.children.map((r) => [r.code, r.name, r.reports, r.cases, r.proven, r.sanctioned, r.ppkRecommended, r.ppkFollowedUp, percent(r.ppkRecommended ? r.ppkFollowedUp / r.ppkRecommended : null), r.asnTotal, r.pledged, percent(r.asnTotal ? r.pledged / r.asnTotal : null), r.reached, r.events]),
        };
      case 'state':
        return { ...base, columns: [c('Kode', 'Code'), c('Status perkara', 'Case state', 50), c('Perkara', 'Cases'), c('Laporan', 'Reports')], rows: d.byState.map((r) => [r.key, r.label, r.cases, r.reports]) };
      case 'stage':
        return {
          ...base,
          columns: [c('Kode', 'Code'), c('Tahapan', 'Stage', 40), c('Mulai', 'Start'), c('Selesai', 'End'), c('Tahap rawan', 'Critical'), c('Perkara', 'Cases'), c('Laporan', 'Reports')],
          rows: d.byStage.map((r) => [r.key, r.label, r.start, r.end, r.critical ? (language === 'id' ? 'ya' : 'yes') : '', r.cases, r.reports]),
        };
      case 'act':
        return { ...base, columns: [c('Kode', 'Code'), c('Jenis pelanggaran (SKB 2022)', 'Act (SKB 2022)', 80), c('Perkara', 'Cases')], rows: d.byAct.map((r) => [r.key, r.label, r.cases]) };
      case 'position':
        return { ...base, columns: [c('Kode', 'Code'), c('Jenis jabatan', 'Position type', 40), c('Perkara', 'Cases')], rows: d.byPosition.map((r) => [r.key, r.label, r.cases]) };
      case 'source':
        return { ...base, columns: [c('Kode', 'Code'), c('Sumber', 'Source', 30), c('Laporan', 'Reports')], rows: d.bySource.map((r) => [r.key, r.label, r.reports]) };
      case 'deadlines':
        return {
          ...base,
          columns: [c('Pihak', 'Party'), c('Batas waktu', 'Deadline', 36), c('Tepat waktu', 'Met'), c('Terlambat', 'Missed'), c('Berjalan', 'Running'), c('Lewat batas (belum selesai)', 'Overdue (still open)')],
          rows: d.deadlines.map((r) => [r.party, r.label, r.met, r.missed, r.running, r.overdue]),
        };
      case 'weekly':
        return { ...base, columns: [c('Minggu mulai', 'Week starting'), c('Perkara diterima', 'Cases received'), c('Laporan diterima', 'Reports received')], rows: d.weekly.map((r) => [r.week, r.cases, r.reports]) };
    }
  },
};

const agenciesSource: ExportSource = {
  id: 'agencies',
  title: { id: 'Perkara per instansi', en: 'Cases per agency' },
  action: 'dashboards.read',
  filter: z.object({ ...electionFilter, sort: z.enum(['cases', 'missed', 'follow_up', 'name']).default('cases') }),
  async plan(ctx, viewer, filter, language) {
    const f = filter as { electionId: string; region?: string; sort: 'cases' | 'missed' | 'follow_up' | 'name' };
    const { view, title } = await territoryOf(ctx, viewer, f, language);
    const rows = await allAgencyFigures(ctx, view.filter, f.sort);
    const c = columnsIn(language);
    return {
      slug: slugOf('instansi', f.electionId, view.territory.regionCode),
      title,
      columns: [c('Kode instansi', 'Agency code'), c('Instansi', 'Agency', 40), c('Wilayah', 'Region'), c('Perkara', 'Cases'), c('Laporan', 'Reports'), c('Terbukti', 'Proven'), c('Sanksi', 'Sanctioned'), c('Rekomendasi ke PPK', 'Recommended to PPK'), c('Ditindaklanjuti', 'Followed up'), c('Tindak lanjut (%)', 'Follow-up (%)'), c('Batas waktu tepat', 'Deadlines met'), c('Batas waktu terlambat', 'Deadlines missed'), c('Lewat batas (berjalan)', 'Overdue (open)')],
      rows: rows.map((a) => [a.code, a.name, a.regionCode, a.cases, a.reports, a.proven, a.sanctioned, a.ppkRecommended, a.ppkFollowedUp, percent(a.ppkRecommended ? a.ppkFollowedUp / a.ppkRecommended : null), a.deadlinesMet, a.deadlinesMissed, a.deadlinesOverdue]),
    };
  },
};

const coverageSource: ExportSource = {
  id: 'prevention-coverage',
  title: { id: 'Cakupan pakta integritas dan sosialisasi per instansi', en: 'Pledge and socialisation coverage per agency' },
  action: 'prevention.coverage.read',
  filter: z.object(electionFilter),
  async plan(ctx, viewer, filter, language) {
    const f = filter as { electionId: string; region?: string };
    const { view, title } = await territoryOf(ctx, viewer, f, language);
    const c = columnsIn(language);
    return {
      slug: slugOf('cakupan-pakta', f.electionId, view.territory.regionCode),
      title,
      columns: [c('Kode instansi', 'Agency code'), c('Instansi', 'Agency', 40), c('Wilayah', 'Region'), c('ASN aktif', 'Active ASN'), c('Menandatangani pakta', 'Signed the pledge'), c('Cakupan pakta (%)', 'Pledge coverage (%)'), c('ASN tersosialisasi', 'ASN reached'), c('Cakupan sosialisasi (%)', 'Socialisation coverage (%)')],
      query: {
        compiled: coverageRows(ctx, view.filter),
        toCells: (r) => {
          const [total, pledged, reached] = [Number(r.asnTotal), Number(r.pledged), Number(r.reached)];
          return [r.code as string, r.name as string, r.regionCode as string, total, pledged, percent(total ? pledged / total : null), reached, percent(total ? reached / total : null)];
        },
      },
    };
  },
};

const personFilter = { ...electionFilter, agencyId: z.coerce.number().int().positive().optional() };

const unsignedSource: ExportSource = {
  id: 'pledges-unsigned',
  title: { id: 'ASN yang belum menandatangani pakta integritas', en: 'Civil servants who have not signed the pledge' },
  action: 'prevention.read',
  filter: z.object({ ...personFilter, q: z.string().trim().min(1).max(100).optional() }),
  async plan(ctx, viewer, filter, language) {
    const f = filter as { electionId: string; region?: string; agencyId?: number; q?: string };
    const { view, title } = await territoryOf(ctx, viewer, f, language);
    const c = columnsIn(language);
    return {
      slug: slugOf('belum-pakta', f.electionId, view.territory.regionCode, f.agencyId),
      title,
      columns: [c('NIP', 'NIP', 20), c('Nama', 'Name', 32), c('Jenis ASN', 'Kind'), c('Jabatan', 'Position', 36), c('Instansi', 'Agency', 36), c('Unit kerja', 'Unit', 36), c('Kode wilayah', 'Region code'), c('Wilayah', 'Region', 24)],
      query: {
        compiled: unsignedRows(ctx, { actor: viewer, language }, { electionId: f.electionId, territory: view.territory, agencyId: f.agencyId, q: f.q }),
        toCells: (r) => [r.nip, r.name, String(r.kind).toUpperCase(), r.positionTitle, r.agency, r.unit, r.regionCode, r.region] as CellValue[],
      },
    };
  },
};

const pledgesSource: ExportSource = {
  id: 'pledges',
  title: { id: 'Pakta integritas yang ditandatangani', en: 'Signed pledges' },
  action: 'prevention.read',
  filter: z.object(personFilter),
  async plan(ctx, viewer, filter, language) {
    const f = filter as { electionId: string; region?: string; agencyId?: number };
    const { view, title } = await territoryOf(ctx, viewer, f, language);
    const c = columnsIn(language);
    return {
      slug: slugOf('pakta', f.electionId, view.territory.regionCode, f.agencyId),
      title,
      columns: [c('NIP', 'NIP', 20), c('Nama', 'Name', 32), c('Jabatan', 'Position', 36), c('Instansi', 'Agency', 36), c('Unit kerja', 'Unit', 36), c('Kode wilayah', 'Region code'), c('Tanggal tanda tangan', 'Signed on'), c('Cara pencatatan', 'Recorded as')],
      query: {
        compiled: pledgeRows(ctx, { actor: viewer, language }, { electionId: f.electionId, territory: view.territory, agencyId: f.agencyId }),
        toCells: (r) => [r.nip, r.name, r.positionTitle, r.agency, r.unit, r.regionCode, r.signedOn, r.method] as CellValue[],
      },
    };
  },
};

const eventsSource: ExportSource = {
  id: 'events',
  title: { id: 'Kegiatan sosialisasi netralitas', en: 'Neutrality socialisation events' },
  action: 'prevention.coverage.read',
  filter: z.object(electionFilter),
  async plan(ctx, viewer, filter, language) {
    const f = filter as { electionId: string; region?: string };
    const { view, title } = await territoryOf(ctx, viewer, f, language);
    const c = columnsIn(language);
    return {
      slug: slugOf('sosialisasi', f.electionId, view.territory.regionCode),
      title,
      columns: [c('Tanggal', 'Date'), c('Jenis', 'Kind', 24), c('Kegiatan', 'Event', 40), c('Tempat', 'Place', 30), c('Penyelenggara', 'Organiser', 30), c('Kode wilayah', 'Region code'), c('Wilayah', 'Region', 24), c('Peserta ASN', 'ASN attending')],
      query: {
        compiled: eventRows(ctx, { electionId: f.electionId, territory: view.territory }),
        toCells: (r) => [r.heldOn as string, EVENT_KINDS[r.kind as string]?.[language] ?? (r.kind as string), r.title as string, r.place as string, r.organiser as string, r.regionCode as string, r.region as string, Number(r.attendance ?? 0)],
      },
    };
  },
};

const attendanceSource: ExportSource = {
  id: 'attendance',
  title: { id: 'Peserta kegiatan sosialisasi', en: 'Socialisation event attendees' },
  action: 'prevention.read',
  filter: z.object({ eventId: z.uuid() }),
  async plan(ctx, viewer, filter, language) {
    const { eventId } = filter as { eventId: string };
    const event = await requireEvent(ctx, viewer, eventId);
    const c = columnsIn(language);
    return {
      slug: slugOf('peserta', event.heldOn, event.regionCode),
      title: `${event.title} · ${event.heldOn} · ${event.region}`,
      columns: [c('NIP', 'NIP', 20), c('Nama', 'Name', 32), c('Jabatan', 'Position', 36), c('Instansi', 'Agency', 36), c('Unit kerja', 'Unit', 36)],
      query: {
        compiled: attendeeRows(ctx, { actor: viewer, language }, eventId),
        toCells: (r) => [r.nip, r.name, r.positionTitle, r.agency, r.unit] as CellValue[],
      },
    };
  },
};

const auditSource: ExportSource = {
  id: 'audit-log',
  title: { id: 'Log audit', en: 'Audit log' },
  action: 'audit.read',
  filter: auditFilterSchema as unknown as ExportSource['filter'],
  async plan(ctx, _viewer, filter, language) {
    const f = filter as AuditFilter;
    const c = columnsIn(language);
    return {
      slug: slugOf('log-audit', f.region, f.action?.replace(/\.$/, '')),
      title: language === 'id' ? 'Log audit Netra' : 'Netra audit log',
      columns: [c('No. urut', 'Seq'), c('Waktu (zona wilayah)', 'Time (region zone)', 26), c('Pelaku', 'Actor', 28), c('Email pelaku', 'Actor e-mail', 28), c('Peran', 'Role', 18), c('Tindakan', 'Action', 28), c('Jenis catatan', 'Record type', 16), c('ID catatan', 'Record id', 38), c('Wilayah', 'Region', 10), c('Alamat IP', 'IP address', 16), c('Data', 'Data', 60)],
      query: {
        compiled: auditRows(ctx.db, f),
        toCells: (r) => [Number(r.seq), formatLocalDateTime(new Date(r.at as string), r.regionCode ? timeZoneOfRegion(r.regionCode as string) : 'Asia/Jakarta', { style: 'sortable', seconds: true }), r.actorName, r.actorEmail, r.actorRole, r.action, r.entityType, r.entityId, r.regionCode, r.ip, JSON.stringify(r.data)] as CellValue[],
      },
    };
  },
};

export const EXPORT_SOURCES: Readonly<Record<string, ExportSource>> = Object.fromEntries(
  [dashboardSource, agenciesSource, coverageSource, unsignedSource, pledgesSource, eventsSource, attendanceSource, auditSource, ...LIST_SOURCES].map((s) => [s.id, s]),
);

export const EXPORT_SOURCE_IDS = Object.keys(EXPORT_SOURCES);
