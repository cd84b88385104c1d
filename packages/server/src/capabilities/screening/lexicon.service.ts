/**
 * The lexicon of an election and region as staff see it (entries, the pairs they name, the edits),
 * and editing it: each edit is checked against the current lexicon, recorded with its audit entry,
 * and the region's open posts are scored again.
 */
import { can, regionWithinScope, type Scope } from '@netra/core';
import { applyLexiconEdits, CUE_KINDS, MENTION_KINDS, type LexiconEdit, type LexiconEntryKind } from '@netra/core/screening/index';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import { compiledLexicon } from './lexicon.ts';
import * as lexiconRepo from './lexicon.repository.ts';
import * as repo from './repository.ts';
import { rescoreOpenPosts } from './scoring.ts';

const outOfScope = (regionCode: string | null) =>
  new ApiError(
    403,
    'out_of_scope',
    regionCode === null
      ? { id: 'Leksikon seluruh pemilihan hanya dapat diubah oleh Bawaslu RI.', en: 'Only national Bawaslu may change the election-wide lexicon.' }
      : { id: `Wilayah ${regionCode} di luar wilayah tugas Anda.`, en: `Region ${regionCode} is outside your scope.` },
  );

/** The region a lexicon view is for: the one asked, else the officer's own (national: the whole election). */
function lexiconRegion(scope: Scope, regionCode: string | undefined): string | null {
  if (regionCode) return regionCode;
  return scope.kind === 'region' ? scope.regionCode : null;
}

async function requireElection(db: Db, electionId: string) {
  if (!(await repo.electionExists(db, electionId))) {
    throw new ApiError(400, 'validation_failed', { id: `Pemilihan "${electionId}" tidak dikenal.`, en: `Unknown election "${electionId}".` }, [
      { field: 'electionId', message: { id: `Pemilihan "${electionId}" tidak dikenal.`, en: `Unknown election "${electionId}".` } },
    ]);
  }
}

export interface LexiconQuery {
  electionId: string;
  regionCode?: string;
  kind?: LexiconEntryKind;
  q?: string;
  limit: number;
  offset: number;
}

export async function lexiconView(ctx: AppContext, rc: RequestContext, query: LexiconQuery) {
  const { db } = ctx;
  const staff = rc.actor;
  await requireElection(db, query.electionId);
  const regionCode = lexiconRegion(staff.scope, query.regionCode);
  if (regionCode !== null ? !regionWithinScope(staff.scope, regionCode) : staff.scope.kind !== 'national') throw notFound({ id: 'Leksikon wilayah ini', en: "This region's lexicon" });
  const [compiled, edits] = await Promise.all([compiledLexicon(db, query.electionId, regionCode), lexiconRepo.lexiconEdits(db, query.electionId, regionCode)]);
  const { lexicon } = compiled.screener;
  const labels = new Map(lexicon.candidates.map((c) => [c.id, c.label]));
  const counts: Partial<Record<LexiconEntryKind, number>> = {};
  for (const entry of lexicon.entries) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
  const needle = query.q?.trim().toLowerCase();
  const matching = lexicon.entries.filter(
    (e) => (!query.kind || e.kind === query.kind) && (!needle || e.term.toLowerCase().includes(needle) || e.tokens.join(' ').includes(needle)),
  );
  const editable = (entryRegion: string | null) => (entryRegion === null ? staff.scope.kind === 'national' : regionWithinScope(staff.scope, entryRegion));
  return {
    electionId: query.electionId,
    regionCode,
    version: compiled.version,
    threshold: compiled.screener.config.threshold,
    candidates: lexicon.candidates.map((c) => ({ id: c.id, label: c.label, regionCode: c.regionCode })),
    counts,
    total: matching.length,
    entries: matching.slice(query.offset, query.offset + query.limit).map((e) => ({
      term: e.term,
      /** What a removal must name: the entry's normalised words. */
      matchText: e.tokens.join(' '),
      kind: e.kind,
      ambiguous: e.ambiguous,
      source: e.source,
      regionCode: e.regionCode,
      candidates: e.candidatePairIds.slice(0, 10).map((id) => ({ id, label: labels.get(id) ?? id })),
      candidateCount: e.candidatePairIds.length,
      removable: can(staff.role, 'screening.triage') && editable(e.regionCode),
    })),
    edits: edits.map((e) => ({
      id: e.id,
      action: e.action,
      term: e.term,
      kind: e.kind,
      regionCode: e.region_code,
      candidates: e.candidate_pair_ids.map((id) => ({ id, label: labels.get(id) ?? id })),
      createdBy: e.created_by_name,
      createdAt: new Date(e.created_at).toISOString(),
    })),
  };
}

export interface LexiconEditInput {
  electionId: string;
  regionCode: string | null;
  action: 'add' | 'remove';
  term: string;
  kind?: LexiconEntryKind;
  candidatePairIds?: string[];
  ambiguous?: boolean;
}

/**
 * Records an edit to the lexicon of a region (null: election-wide, national officers only), after
 * checking it against the current lexicon (a removal must remove something, an addition must name
 * pairs the region's lexicon holds), then scores that region's open posts again.
 */
export async function editLexicon(ctx: AppContext, rc: RequestContext, input: LexiconEditInput) {
  const { actor: staff, meta } = rc;
  await requireElection(ctx.db, input.electionId);
  if (input.regionCode === null ? staff.scope.kind !== 'national' : !regionWithinScope(staff.scope, input.regionCode)) throw outOfScope(input.regionCode);
  if (input.regionCode !== null && (await repo.existingRegions(ctx.db, [input.regionCode])).size === 0) {
    throw new ApiError(400, 'validation_failed', { id: `Wilayah ${input.regionCode} tidak ada.`, en: `Region ${input.regionCode} does not exist.` }, [
      { field: 'body.regionCode', message: { id: `Wilayah ${input.regionCode} tidak ada.`, en: `Region ${input.regionCode} does not exist.` } },
    ]);
  }
  const refuse = (id: string, en: string, field = 'body.term') => new ApiError(400, 'validation_failed', { id, en }, [{ field, message: { id, en } }]);
  if (input.action === 'add') {
    if (!input.kind) throw refuse('Pilih jenis entri.', 'Choose the kind of entry.', 'body.kind');
    if (MENTION_KINDS.has(input.kind) && !input.candidatePairIds?.length) throw refuse('Pilih pasangan calon yang dimaksud istilah ini.', 'Choose the candidate pair this term names.', 'body.candidatePairIds');
    if (CUE_KINDS.has(input.kind) && input.candidatePairIds?.length) throw refuse('Kata ajakan/penanda tidak menunjuk pasangan calon.', 'A cue names no candidate pair.', 'body.candidatePairIds');
  }
  const compiled = await compiledLexicon(ctx.db, input.electionId, input.regionCode);
  const edit: LexiconEdit = {
    electionId: input.electionId,
    regionCode: input.regionCode,
    action: input.action,
    term: input.term,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.candidatePairIds ? { candidatePairIds: input.candidatePairIds } : {}),
    ...(input.ambiguous !== undefined ? { ambiguous: input.ambiguous } : {}),
  };
  let changed;
  try {
    changed = applyLexiconEdits(compiled.screener.lexicon, [edit]);
  } catch (error) {
    throw refuse(`Perubahan tidak dapat diterapkan: ${(error as Error).message}`, `The edit cannot be applied: ${(error as Error).message}`);
  }
  if (input.action === 'remove' && changed.entries.length === compiled.screener.lexicon.entries.length) {
    throw refuse(
      `"${input.term}" tidak ada di leksikon pada cakupan ${input.regionCode ?? 'seluruh pemilihan'}.`,
      `"${input.term}" is not in the lexicon at the scope ${input.regionCode ?? 'of the whole election'}.`,
    );
  }
  const at = ctx.now();
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const row = await lexiconRepo.insertLexiconEdit(trx, {
      electionId: input.electionId,
      regionCode: input.regionCode,
      action: input.action,
      term: input.term,
      kind: input.kind ?? null,
      candidatePairIds: input.candidatePairIds ?? [],
      ambiguous: input.ambiguous ?? null,
      actorId: staff.id,
    });
    await appendAudit(trx, {
      actorId: staff.id,
      action: `screening_lexicon.${input.action === 'add' ? 'term_added' : 'term_removed'}`,
      entityType: 'screening_lexicon_edit',
      entityId: String(row.id),
      data: { electionId: input.electionId, regionCode: input.regionCode, term: input.term, kind: input.kind ?? null, candidatePairIds: input.candidatePairIds ?? [] },
      ...meta,
      at,
    });
    return row;
  });
  // Open posts of the region (the whole election for an election-wide edit) follow the new lexicon.
  const rescored = await rescoreOpenPosts(ctx.db, { electionId: input.electionId, regionCode: input.regionCode ?? undefined }, at);
  return { id: saved.id, rescored };
}

/** Candidate labels for display ("Head – Deputy (2)") with each pair's region, by pair id. */
export function candidateLabels(db: Db, ids: readonly string[]) {
  return lexiconRepo.pairLabels(db, ids);
}
