/**
 * What an export source is (sources.ts, list-sources.ts): the filter its screen sends, the action
 * that reads the data, and the plan (columns and either the rows or the scoped SQL to stream).
 * Also the small helpers every source uses, and the readable description of a filter that a file
 * carries instead of raw JSON.
 */
import type { Localised, PermissionAction, RoleCode, Scope } from '@netra/core';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Language } from '../../http/language.ts';
import type { CompiledQuery } from './repository.ts';
import type { CellValue, TableColumn } from './writer.ts';

export interface ExportViewer {
  id: string;
  role: RoleCode;
  scope: Scope;
}

export interface ExportPlan {
  columns: TableColumn[];
  /** File and sheet name part, e.g. "belum-pakta-35.10". */
  slug: string;
  title: string;
  /** The time the figures describe, for aggregate sources. */
  dataAsOf?: string | null;
  rows?: CellValue[][];
  query?: { compiled: CompiledQuery; toCells(row: Record<string, unknown>): CellValue[] };
}

export interface ExportSource {
  id: string;
  title: Localised;
  /** The action of the permission table that reads this data on screen: exporting it needs the same. */
  action: PermissionAction;
  filter: z.ZodType<Record<string, unknown>>;
  /** Names of this source's filter fields beyond the common ones (FILTER_LABELS). */
  filterLabels?: Readonly<Record<string, Localised>>;
  plan(ctx: AppContext, viewer: ExportViewer, filter: Record<string, unknown>, language: Language): Promise<ExportPlan>;
}

const col = (language: Language, id: string, en: string, width?: number): TableColumn => ({ header: language === 'id' ? id : en, width });
export const slugOf = (...parts: Array<string | number | null | undefined>) => parts.filter((p) => p !== undefined && p !== null && p !== '').join('-');
/** Column headers in the export's language. */
export const columnsIn = (language: Language) => (id: string, en: string, width?: number) => col(language, id, en, width);

/** The filter fields the lists share, by the names their screens send. */
export const FILTER_LABELS: Readonly<Record<string, Localised>> = {
  electionId: { id: 'Pemilihan', en: 'Election' },
  region: { id: 'Wilayah', en: 'Region' },
  regionCode: { id: 'Wilayah', en: 'Region' },
  table: { id: 'Tabel', en: 'Table' },
  agencyId: { id: 'Instansi (id)', en: 'Agency (id)' },
  eventId: { id: 'Kegiatan (id)', en: 'Event (id)' },
  q: { id: 'Pencarian', en: 'Search' },
  queue: { id: 'Antrian', en: 'Queue' },
  state: { id: 'Status', en: 'State' },
  act: { id: 'Jenis pelanggaran', en: 'Act' },
  assignee: { id: 'Petugas', en: 'Assignee' },
  due: { id: 'Tenggat', en: 'Deadline' },
  caseId: { id: 'Perkara (id)', en: 'Case (id)' },
  status: { id: 'Status', en: 'Status' },
  category: { id: 'Kategori', en: 'Category' },
  minScore: { id: 'Skor minimal', en: 'Minimum score' },
  handle: { id: 'Akun', en: 'Account' },
  accountId: { id: 'Akun (id)', en: 'Account (id)' },
  flagged: { id: 'Ditandai', en: 'Flagged' },
  asnOnly: { id: 'Hanya calon ASN', en: 'ASN candidates only' },
  nip: { id: 'NIP', en: 'NIP' },
  position: { id: 'Jabatan', en: 'Position' },
  unit: { id: 'Unit kerja', en: 'Unit' },
  positionType: { id: 'Jenis jabatan', en: 'Position type' },
  active: { id: 'Aktif', en: 'Active' },
  action: { id: 'Tindakan', en: 'Action' },
  actorId: { id: 'Pelaku (id)', en: 'Actor (id)' },
  entityType: { id: 'Jenis catatan', en: 'Record type' },
  entityId: { id: 'ID catatan', en: 'Record id' },
  from: { id: 'Sejak', en: 'From' },
  to: { id: 'Sampai', en: 'Until' },
  sort: { id: 'Urutan', en: 'Order' },
};

function describeValue(value: unknown, language: Language): string {
  if (Array.isArray(value)) return value.map((v) => describeValue(v, language)).join(', ');
  if (typeof value === 'boolean') return language === 'id' ? (value ? 'ya' : 'tidak') : value ? 'yes' : 'no';
  return String(value);
}

/**
 * A filter as a person reads it: "Pemilihan: pilkada-2024; Wilayah: 35.10; Tenggat: today", or
 * that there was none. Fields are named in the export's language; defaults count as chosen.
 */
export function describeFilter(filter: Record<string, unknown>, language: Language, labels: Readonly<Record<string, Localised>> = {}): string {
  // In the order of the names above (a stored filter's keys come back in the database's order).
  const rank = (key: string) => (key in FILTER_LABELS ? Object.keys(FILTER_LABELS).indexOf(key) : Number.MAX_SAFE_INTEGER);
  const parts = Object.entries(filter)
    .sort(([a], [b]) => rank(a) - rank(b))
    .filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => `${(labels[key] ?? FILTER_LABELS[key])?.[language] ?? key}: ${describeValue(value, language)}`);
  if (parts.length > 0) return parts.join('; ');
  return language === 'id' ? 'Tanpa filter: semua data dalam wilayah tugas' : 'No filter: everything in the scope';
}
