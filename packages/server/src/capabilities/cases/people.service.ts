/**
 * Identifying the person behind a case (issue 15): Bawaslu searches the register (register
 * capability, fuzzy by name, NIP, unit, position, agency) and links one or more civil servants,
 * optionally naming the report that named them, or records that the person is still unknown and
 * why. Forwarding to BKN and recording a sanction refuse a case without a linked person (core
 * `transitionNeedsPerson`). BKN and the PPK read the people with NIP, rank, position, unit and
 * agency, their earlier cases (in the reader's scope) and their neutrality pledges.
 */
import { formatNip, isPersonUnknownReason, PERSON_REQUIRED_MESSAGE, PERSON_UNKNOWN_REASONS, transitionNeedsPerson, TRANSITIONS_NEEDING_PERSON, CASE_STATE_LABELS, isCaseState, can } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Trx } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import { asnInScope, positionLabel } from '../register/service.ts';
import { assertNotLockedByOther, CASE_NOT_FOUND, lockOrNotFound } from './change-guards.ts';
import * as people from './people.repository.ts';
import { findCase, insertCaseEvent, type CaseRow } from './repository.ts';
import type { LinkPersonBody, PersonUnknownBody } from './people.schema.ts';

/** Refuse a forwarding or a sanction while no civil servant is linked to the case. */
export async function assertPersonLinked(trx: Trx, row: CaseRow, transition: string): Promise<void> {
  if (!transitionNeedsPerson(transition) || (await people.hasPerson(trx, row.id))) return;
  throw new ApiError(422, 'person_required', PERSON_REQUIRED_MESSAGE, [{ field: 'case.people', message: PERSON_REQUIRED_MESSAGE }], { transitions: TRANSITIONS_NEEDING_PERSON });
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** The people of a case with their earlier cases and pledges, as BKN and the PPK read them. */
export async function casePeople(ctx: AppContext, rc: RequestContext, caseId: string) {
  const { actor, language } = rc;
  const row = await findCase(ctx.db, actor, caseId);
  if (!row) throw notFound(CASE_NOT_FOUND);
  const linked = await people.peopleOfCase(ctx.db, row.id);
  const ids = linked.map((p) => p.id);
  const [others, pledges, unknown] = await Promise.all([people.otherCasesOf(ctx.db, actor, ids, row.id), people.pledgesOf(ctx.db, ids), people.unknownNote(ctx.db, row.id)]);
  const reason = unknown?.reason ?? null;
  return {
    caseId: row.id,
    people: linked.map((p) => ({
      id: p.id,
      nip: p.nip,
      nipFormatted: formatNip(p.nip, p.kind),
      kind: p.kind,
      name: p.name,
      grade: p.grade,
      positionTitle: p.positionTitle,
      positionTypeLabel: positionLabel(p.positionType, language),
      active: p.active,
      regionCode: p.regionCode,
      regionName: p.regionName,
      agencyId: p.agencyId,
      agencyName: p.agencyName,
      unitName: p.unitName,
      reportId: p.reportId,
      reportReceipt: p.reportReceipt,
      linkedAt: iso(p.linkedAt),
      linkedByName: p.linkedByName,
      otherCases: others
        .filter((c) => c.asnId === p.id)
        .map((c) => ({ id: c.id, number: c.number, state: c.state, stateLabel: isCaseState(c.state) ? CASE_STATE_LABELS[c.state][language] : c.state, electionId: c.electionId, receivedOn: c.receivedOn, sanctioned: c.sanction !== null })),
      pledges: pledges.filter((g) => g.asnId === p.id).map((g) => ({ electionId: g.electionId, electionName: language === 'en' ? g.electionNameEn : g.electionNameId, signedOn: g.signedOn, method: g.method })),
    })),
    unknown: reason
      ? {
          reason: reason.split(':')[0],
          label: isPersonUnknownReason(reason.split(':')[0]) ? PERSON_UNKNOWN_REASONS[reason.split(':')[0] as keyof typeof PERSON_UNKNOWN_REASONS][language] : reason,
          note: reason.includes(':') ? reason.slice(reason.indexOf(':') + 1) : null,
          at: unknown?.at ? iso(unknown.at) : null,
          byName: unknown?.byName ?? null,
        }
      : null,
    required: { transitions: [...TRANSITIONS_NEEDING_PERSON], message: PERSON_REQUIRED_MESSAGE[language] },
    canEdit: can(actor.role, 'cases.people'),
  };
}

/** Lock the case for a change of its people (scope, lock held by another). */
async function lockForPeople(trx: Trx, ctx: AppContext, rc: RequestContext, caseId: string) {
  const row = await lockOrNotFound(trx, rc.actor, caseId);
  await assertNotLockedByOther(trx, row, rc.actor, ctx.now());
  return row;
}

export async function linkPerson(ctx: AppContext, rc: RequestContext, caseId: string, body: LinkPersonBody) {
  const { actor, meta } = rc;
  const now = ctx.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const row = await lockForPeople(trx, ctx, rc, caseId);
    const asn = await asnInScope(trx, actor.scope, body.asnId);
    if (!asn) {
      const message = { id: 'ASN tidak ditemukan di register dalam wilayah tugas Anda.', en: 'No civil servant with this id in the register within your scope.' };
      throw new ApiError(422, 'validation_failed', message, [{ field: 'body.asnId', message }]);
    }
    if (body.reportId && !(await people.reportOfCase(trx, row.id, body.reportId))) {
      const message = { id: 'Laporan itu bukan bagian dari perkara ini.', en: 'That report is not part of this case.' };
      throw new ApiError(422, 'validation_failed', message, [{ field: 'body.reportId', message }]);
    }
    const added = await people.insertPerson(trx, { caseId: row.id, asnId: asn.id, reportId: body.reportId ?? null, linkedBy: actor.id, at: now });
    if (!added) return { caseId: row.id, asnId: asn.id, linked: false };
    await people.syncPrimaryPerson(trx, row.id, now);
    const data = { asnId: asn.id, nip: asn.nip, name: asn.name, reportId: body.reportId ?? null };
    await insertCaseEvent(trx, { caseId: row.id, actorId: actor.id, kind: 'person_linked', at: now, note: `${asn.name} (NIP ${formatNip(asn.nip, asn.kind)})`, data });
    await appendAudit(trx, { actorId: actor.id, action: 'case.person_linked', entityType: 'case', entityId: row.id, data, ...meta, at: now });
    return { caseId: row.id, asnId: asn.id, linked: true };
  });
  return result;
}

export async function unlinkPerson(ctx: AppContext, rc: RequestContext, caseId: string, asnId: number) {
  const { actor, meta } = rc;
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockForPeople(trx, ctx, rc, caseId);
    if (!(await people.deletePerson(trx, row.id, asnId))) throw notFound({ id: 'ASN pada perkara ini', en: 'Civil servant on this case' });
    await people.syncPrimaryPerson(trx, row.id, now);
    await insertCaseEvent(trx, { caseId: row.id, actorId: actor.id, kind: 'person_unlinked', at: now, data: { asnId } });
    await appendAudit(trx, { actorId: actor.id, action: 'case.person_unlinked', entityType: 'case', entityId: row.id, data: { asnId }, ...meta, at: now });
    return { caseId: row.id, asnId, linked: false };
  });
}

/** Record (or clear, with `reason: null`) that the person is still unknown, with the reason. */
export async function markPersonUnknown(ctx: AppContext, rc: RequestContext, caseId: string, body: PersonUnknownBody) {
  const { actor, meta } = rc;
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockForPeople(trx, ctx, rc, caseId);
    if (body.reason && (await people.hasPerson(trx, row.id))) {
      const message = { id: 'Perkara ini sudah tertaut dengan ASN; lepaskan tautannya dahulu.', en: 'This case already has a linked civil servant; unlink them first.' };
      throw new ApiError(409, 'person_linked', message, [{ field: 'body.reason', message }]);
    }
    const note = body.note?.trim() || null;
    if (body.reason === 'other' && !note) {
      const message = { id: 'Tuliskan alasannya.', en: 'Write the reason.' };
      throw new ApiError(422, 'validation_failed', message, [{ field: 'body.note', message }]);
    }
    const stored = body.reason ? (note ? `${body.reason}:${note}` : body.reason) : null;
    await people.setPersonUnknown(trx, row.id, stored ? { reason: stored, by: actor.id, at: now } : null);
    const data = { reason: body.reason, note };
    await insertCaseEvent(trx, { caseId: row.id, actorId: actor.id, kind: 'person_unknown', at: now, note, data });
    await appendAudit(trx, { actorId: actor.id, action: 'case.person_unknown', entityType: 'case', entityId: row.id, data, ...meta, at: now });
    return { caseId: row.id, reason: body.reason };
  });
}
