/**
 * Importing collected posts: the file is read as a stream, line by line, in batches; each batch
 * resolves its elections, regions and NIPs with one query each, upserts the accounts, scores the
 * posts with their election's and region's compiled lexicon and inserts them. A post already
 * stored (same platform and URL) is counted as a duplicate, so importing a file again adds
 * nothing. Every line that cannot be imported is reported with its number and reasons.
 */
import type { Readable } from 'node:stream';
import { regionWithinScope, type Localised, type Scope } from '@netra/core';
import type { Db } from '../../db/database.ts';
import { proposeLinks } from './links.ts';
import { readPostLines, type LineReason, type PostDraft, type PostFileFormat } from './posts-file.ts';
import * as accountsRepo from './accounts.repository.ts';
import * as repo from './repository.ts';
import { scoreBatch } from './scoring.ts';

export interface PostImportOptions {
  /** For lines that name no election. */
  electionId: string | null;
  /** For lines that name no region and no ASN. */
  regionCode: string | null;
  actor: { userId: string | null; scope: Scope };
  now: Date;
}

export interface ImportProgress {
  /** Lines read (blank lines aside). */
  lines: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

export interface LineReport {
  line: number;
  reasons: Array<{ code: string; message: Localised }>;
}

export interface ImportSummary extends ImportProgress {
  /** Rejected lines with their reasons, the first MAX_LISTED of them (`rejected` counts all). */
  rejectedLines: LineReport[];
  /** Imported lines with something to know (a NIP not in the register). */
  warnings: LineReport[];
  accountsCreated: number;
  linkProposals: number;
}

const BATCH = 500;
const MAX_LISTED = 1000;

const REASONS = {
  missingElection: (): LineReason => ({ code: 'missing_election', message: { id: 'Pemilihan tidak disebut (electionId) dan tidak dipilih untuk impor ini.', en: 'No election given (electionId) and none chosen for this import.' } }),
  unknownElection: (id: string): LineReason => ({ code: 'unknown_election', message: { id: `Pemilihan "${id}" tidak dikenal.`, en: `Unknown election "${id}".` } }),
  missingRegion: (): LineReason => ({ code: 'missing_region', message: { id: 'Wilayah tidak disebut (regionCode), tidak ada ASN terkait, dan tidak dipilih untuk impor ini.', en: 'No region given (regionCode), no linked ASN, and none chosen for this import.' } }),
  unknownRegion: (code: string): LineReason => ({ code: 'unknown_region', message: { id: `Wilayah ${code} tidak ada.`, en: `Region ${code} does not exist.` } }),
  outOfScope: (code: string): LineReason => ({ code: 'region_out_of_scope', message: { id: `Wilayah ${code} di luar wilayah tugas Anda.`, en: `Region ${code} is outside your scope.` } }),
  unknownNip: (nip: string): LineReason => ({ code: 'unknown_nip', message: { id: `NIP ${nip} tidak ada di register ASN; unggahan diimpor tanpa tautan ASN.`, en: `NIP ${nip} is not in the ASN register; the post was imported without an ASN link.` } }),
};

const keyOf = (platform: string, value: string) => `${platform}\u0000${value}`;

export async function importPosts(
  db: Db,
  source: Readable,
  format: PostFileFormat,
  options: PostImportOptions,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportSummary> {
  const summary: ImportSummary = { lines: 0, imported: 0, duplicates: 0, rejected: 0, rejectedLines: [], warnings: [], accountsCreated: 0, linkProposals: 0 };
  const elections = await repo.existingElections(db);
  const knownRegions = new Map<string, boolean>();
  const reject = (line: number, reasons: LineReason[]) => {
    summary.rejected += 1;
    if (summary.rejectedLines.length < MAX_LISTED) summary.rejectedLines.push({ line, reasons });
  };
  const warn = (line: number, reason: LineReason) => {
    if (summary.warnings.length < MAX_LISTED) summary.warnings.push({ line, reasons: [reason] });
  };

  async function flush(drafts: PostDraft[]) {
    if (drafts.length === 0) return;
    const asn = await accountsRepo.asnByNip(db, drafts.flatMap((d) => (d.asnNip ? [d.asnNip] : [])));
    const placed = drafts.map((draft) => {
      const person = draft.asnNip ? asn.get(draft.asnNip) : undefined;
      return { draft, person, electionId: draft.electionId ?? options.electionId, regionCode: draft.regionCode ?? person?.regionCode ?? options.regionCode };
    });
    const unseen = placed.flatMap((p) => (p.regionCode && !knownRegions.has(p.regionCode) ? [p.regionCode] : []));
    if (unseen.length > 0) {
      const found = await repo.existingRegions(db, unseen);
      for (const code of unseen) knownRegions.set(code, found.has(code));
    }
    const accepted: Array<(typeof placed)[number] & { electionId: string; regionCode: string }> = [];
    const seenUrls = new Set<string>();
    for (const p of placed) {
      const reasons: LineReason[] = [];
      if (!p.electionId) reasons.push(REASONS.missingElection());
      else if (!elections.has(p.electionId)) reasons.push(REASONS.unknownElection(p.electionId));
      if (!p.regionCode) reasons.push(REASONS.missingRegion());
      else if (!knownRegions.get(p.regionCode)) reasons.push(REASONS.unknownRegion(p.regionCode));
      else if (!regionWithinScope(options.actor.scope, p.regionCode)) reasons.push(REASONS.outOfScope(p.regionCode));
      if (reasons.length > 0) {
        reject(p.draft.line, reasons);
        continue;
      }
      if (p.draft.asnNip && !p.person) warn(p.draft.line, REASONS.unknownNip(p.draft.asnNip));
      // The same post twice in one file is a duplicate like one already stored.
      const urlKey = keyOf(p.draft.platform, p.draft.url);
      if (seenUrls.has(urlKey)) {
        summary.duplicates += 1;
        continue;
      }
      seenUrls.add(urlKey);
      accepted.push(p as (typeof accepted)[number]);
    }
    if (accepted.length === 0) return;

    const accountInputs = new Map<string, accountsRepo.AccountUpsert>();
    for (const p of accepted) {
      const key = keyOf(p.draft.platform, p.draft.handle);
      const existing = accountInputs.get(key);
      if (!existing) {
        accountInputs.set(key, {
          platform: p.draft.platform,
          handle: p.draft.handle,
          displayName: p.draft.displayName,
          agencyHint: p.draft.agencyHint,
          regionCode: p.regionCode,
          asnId: p.person?.id ?? null,
        });
      } else {
        existing.displayName ??= p.draft.displayName;
        existing.agencyHint ??= p.draft.agencyHint;
        existing.asnId ??= p.person?.id ?? null;
      }
    }
    const accounts = await accountsRepo.upsertAccounts(db, [...accountInputs.values()]);
    const accountOf = (p: (typeof accepted)[number]) => accounts.get(keyOf(p.draft.platform, p.draft.handle))!;

    const scored = await scoreBatch(
      db,
      accepted.map((p) => ({ text: p.draft.text, kind: p.draft.kind, asnLinked: accountOf(p).linkStatus === 'confirmed', electionId: p.electionId, regionCode: p.regionCode })),
      options.now,
    );
    const inserted = await repo.insertPosts(
      db,
      accepted.map((p, i) => ({
        platform: p.draft.platform,
        accountId: accountOf(p).id,
        url: p.draft.url,
        text: p.draft.text,
        postedAt: p.draft.postedAt,
        kind: p.draft.kind,
        mediaUrls: p.draft.mediaUrls,
        electionId: p.electionId,
        regionCode: p.regionCode,
        score: scored[i],
        importedBy: options.actor.userId,
        importedAt: options.now,
      })),
    );
    summary.imported += inserted.size;
    summary.duplicates += accepted.length - inserted.size;

    const created = [...accounts.values()].filter((a) => a.created);
    summary.accountsCreated += created.length;
    const toMatch = created.filter((a) => a.linkStatus === null).map((a) => a.id);
    if (toMatch.length > 0) summary.linkProposals += await proposeLinks(db, options.actor.scope, { ids: toMatch });
  }

  let batch: PostDraft[] = [];
  for await (const line of readPostLines(source, format, options.now)) {
    summary.lines += 1;
    if ('reasons' in line) reject(line.line, line.reasons);
    else batch.push(line.draft);
    if (batch.length >= BATCH) {
      await flush(batch);
      batch = [];
      onProgress(summary);
    }
  }
  await flush(batch);
  onProgress(summary);
  summary.rejectedLines.sort((a, b) => a.line - b.line);
  return summary;
}
