/**
 * The SIASN block as a record (issue 15; FACTS.md §3 step 5). When the PPK lets the follow-up
 * deadline pass, the deadline sweep requests the block; BKN records that it imposed it (its
 * reference and date) and may lift it with a reason; recording the sanction lifts it. Every step
 * is a timeline event, an audit entry and a notification to the PPK's office (and, when the
 * sanction lifts an imposed block, to BKN, who must lift it in SIASN).
 */
import { can, type Localised } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Trx } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import { notify } from '../notifications/service.ts';
import { assertNotLockedByOther, CASE_NOT_FOUND, lockOrNotFound, todayIn } from './change-guards.ts';
import { findCase, insertCaseEvent, updateCase, type CaseRow, type Viewer } from './repository.ts';
import type { ImposeBlockBody, LiftBlockBody } from './people.schema.ts';
import * as blocks from './siasn-block.repository.ts';

const STATUS_LABELS: Record<'requested' | 'imposed' | 'lifted', Localised> = {
  requested: { id: 'Pemblokiran SIASN diminta', en: 'SIASN block requested' },
  imposed: { id: 'Data diblokir di SIASN', en: 'Blocked in SIASN' },
  lifted: { id: 'Pemblokiran dibuka', en: 'Block lifted' },
};

const ppkOffice = (row: Pick<CaseRow, 'region_code'>) => ({ role: 'ppk_delegate' as const, regionCode: row.region_code.slice(0, 5) });
const iso = (value: Date | string) => new Date(value).toISOString();

export function presentBlock(b: blocks.BlockRow, language: 'id' | 'en') {
  return {
    id: b.id,
    status: b.status,
    statusLabel: STATUS_LABELS[b.status][language],
    requestedAt: iso(b.requestedAt),
    basis: b.basis,
    imposedOn: b.imposedOn,
    imposedReference: b.imposedReference,
    imposedByName: b.imposedByName,
    liftedOn: b.liftedOn,
    liftCause: b.liftCause,
    liftReason: b.liftReason,
    liftedByName: b.liftedByName,
  };
}

/** Called by the deadline sweep in its transaction when the PPK's follow-up deadline has passed. */
export async function requestSiasnBlock(trx: Trx, row: CaseRow, basis: Record<string, unknown>, at: Date): Promise<boolean> {
  const id = await blocks.insertRequested(trx, row.id, at, basis);
  if (!id) return false;
  await notify(trx, {
    to: ppkOffice(row),
    caseId: row.id,
    kind: 'siasn_block_requested',
    message: {
      id: `Perkara ${row.number}: batas tindak lanjut PPK terlewati; BKN diminta memblokir data kepegawaian ASN terlapor di SIASN sampai sanksi dijatuhkan.`,
      en: `Case ${row.number}: the PPK's follow-up deadline has passed; BKN is asked to block the civil servant's personnel data in SIASN until the sanction is imposed.`,
    },
    dedupeKey: `siasn-block:${id}:requested`,
  });
  return true;
}

/**
 * When the sanction is recorded (cases/service.ts, in its transaction): the open block is lifted
 * with the decree as its reason.
 */
export async function liftBlockOnSanction(trx: Trx, row: CaseRow, actorId: string, at: Date, decree: { number: string; date: string }): Promise<void> {
  const open = await blocks.lockOpenBlock(trx, row.id);
  if (!open) return;
  const today = todayIn(row.region_code, at);
  const reason = `Sanksi dicatat: keputusan ${decree.number} tanggal ${decree.date}.`;
  await blocks.updateBlock(trx, open.id, { status: 'lifted', lifted_at: at, lifted_by: actorId, lifted_on: today, lift_cause: 'sanction', lift_reason: reason });
  const data = { blockId: open.id, cause: 'sanction', wasImposed: open.status === 'imposed', decreeNumber: decree.number };
  await insertCaseEvent(trx, { caseId: row.id, actorId, kind: 'siasn_block_lifted', at, note: reason, data });
  const message = {
    id: `Perkara ${row.number}: sanksi telah dicatat (${decree.number}); pemblokiran SIASN ${open.status === 'imposed' ? 'dibuka kembali' : 'tidak lagi diperlukan'}.`,
    en: `Case ${row.number}: the sanction was recorded (${decree.number}); the SIASN block is ${open.status === 'imposed' ? 'lifted' : 'no longer needed'}.`,
  };
  await notify(trx, { to: ppkOffice(row), caseId: row.id, kind: 'siasn_block_lifted', message, dedupeKey: `siasn-block:${open.id}:lifted` });
  if (open.status === 'imposed') await notify(trx, { to: { role: 'bkn_verifier', regionCode: null }, caseId: row.id, kind: 'siasn_block_lifted', message, dedupeKey: `siasn-block:${open.id}:lifted:bkn` });
  await appendAudit(trx, { actorId, action: 'case.siasn_block_lifted', entityType: 'case', entityId: row.id, data, at });
}

async function changeOpenBlock(ctx: AppContext, rc: RequestContext, caseId: string, change: (trx: Trx, row: CaseRow, open: NonNullable<Awaited<ReturnType<typeof blocks.lockOpenBlock>>>, now: Date) => Promise<void>) {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const row = await lockOrNotFound(trx, rc.actor, caseId);
    await assertNotLockedByOther(trx, row, rc.actor, now);
    const open = await blocks.lockOpenBlock(trx, row.id);
    if (!open) {
      throw new ApiError(409, 'no_open_block', {
        id: 'Perkara ini tidak memiliki permintaan atau pemblokiran SIASN yang terbuka.',
        en: 'This case has no open SIASN block request or block.',
      });
    }
    await change(trx, row, open, now);
    return row.id;
  });
}

function assertDateWithin(field: string, date: string, earliest: string, today: string) {
  if (date > today) {
    const message = { id: 'Tanggal tidak boleh setelah hari ini.', en: 'The date cannot be after today.' };
    throw new ApiError(422, 'validation_failed', message, [{ field, message }]);
  }
  if (date < earliest) {
    const message = { id: `Tanggal tidak boleh sebelum ${earliest}.`, en: `The date cannot be before ${earliest}.` };
    throw new ApiError(422, 'validation_failed', message, [{ field, message }]);
  }
}

export async function imposeSiasnBlock(ctx: AppContext, rc: RequestContext, caseId: string, body: ImposeBlockBody) {
  const { actor, meta } = rc;
  await changeOpenBlock(ctx, rc, caseId, async (trx, row, open, now) => {
    if (open.status !== 'requested') {
      throw new ApiError(409, 'block_already_imposed', { id: `Pemblokiran sudah dicatat (${open.imposed_reference}).`, en: `The block is already recorded (${open.imposed_reference}).` });
    }
    const today = todayIn(row.region_code, now);
    assertDateWithin('body.imposedOn', body.imposedOn, todayIn(row.region_code, new Date(open.requested_at)), today);
    await blocks.updateBlock(trx, open.id, { status: 'imposed', imposed_at: now, imposed_by: actor.id, imposed_on: body.imposedOn, imposed_reference: body.reference });
    const data = { blockId: open.id, reference: body.reference, imposedOn: body.imposedOn };
    await insertCaseEvent(trx, { caseId: row.id, actorId: actor.id, kind: 'siasn_block_imposed', at: now, note: `${body.reference} (${body.imposedOn})`, data });
    await notify(trx, {
      to: ppkOffice(row),
      caseId: row.id,
      kind: 'siasn_block_imposed',
      message: {
        id: `Perkara ${row.number}: BKN memblokir data kepegawaian ASN terlapor di SIASN (${body.reference}, ${body.imposedOn}) sampai sanksi dijatuhkan.`,
        en: `Case ${row.number}: BKN blocked the civil servant's personnel data in SIASN (${body.reference}, ${body.imposedOn}) until the sanction is imposed.`,
      },
      dedupeKey: `siasn-block:${open.id}:imposed`,
    });
    await appendAudit(trx, { actorId: actor.id, action: 'case.siasn_block_imposed', entityType: 'case', entityId: row.id, data, ...meta, at: now });
  });
  return caseBlocks(ctx, rc, caseId);
}

export async function liftSiasnBlock(ctx: AppContext, rc: RequestContext, caseId: string, body: LiftBlockBody) {
  const { actor, meta } = rc;
  await changeOpenBlock(ctx, rc, caseId, async (trx, row, open, now) => {
    const today = todayIn(row.region_code, now);
    assertDateWithin('body.liftedOn', body.liftedOn, open.imposed_on ?? todayIn(row.region_code, new Date(open.requested_at)), today);
    await blocks.updateBlock(trx, open.id, { status: 'lifted', lifted_at: now, lifted_by: actor.id, lifted_on: body.liftedOn, lift_cause: 'bkn', lift_reason: body.reason });
    await updateCase(trx, row.id, { siasn_block_recommended: false });
    const data = { blockId: open.id, cause: 'bkn', reason: body.reason, liftedOn: body.liftedOn, wasImposed: open.status === 'imposed' };
    await insertCaseEvent(trx, { caseId: row.id, actorId: actor.id, kind: 'siasn_block_lifted', at: now, note: body.reason, data });
    await notify(trx, {
      to: ppkOffice(row),
      caseId: row.id,
      kind: 'siasn_block_lifted',
      message: { id: `Perkara ${row.number}: BKN membuka pemblokiran SIASN (${body.liftedOn}). Alasan: ${body.reason}`, en: `Case ${row.number}: BKN lifted the SIASN block (${body.liftedOn}). Reason: ${body.reason}` },
      dedupeKey: `siasn-block:${open.id}:lifted`,
    });
    await appendAudit(trx, { actorId: actor.id, action: 'case.siasn_block_lifted', entityType: 'case', entityId: row.id, data, ...meta, at: now });
  });
  return caseBlocks(ctx, rc, caseId);
}

export async function caseBlocks(ctx: AppContext, rc: RequestContext, caseId: string) {
  const row = await findCase(ctx.db, rc.actor, caseId);
  if (!row) throw notFound(CASE_NOT_FOUND);
  const history = (await blocks.blocksOfCase(ctx.db, row.id)).map((b) => presentBlock(b, rc.language));
  return { caseId: row.id, current: history.find((b) => b.status !== 'lifted') ?? null, history, canAct: can(rc.actor.role, 'cases.siasn-block') };
}

/** Blocks on a person's cases that the viewer may see (the register's person page). */
export async function blocksOfPerson(ctx: AppContext, viewer: Viewer, asnId: number, language: 'id' | 'en') {
  return (await blocks.blocksOfPerson(ctx.db, viewer, asnId)).map((b) => ({ ...presentBlock(b, language), caseId: b.caseId, caseNumber: b.caseNumber }));
}

/** Open blocks per regency/city and agency in the viewer's territory (dashboards). */
export async function openBlockSummary(ctx: AppContext, rc: RequestContext, region: string | undefined) {
  const { byRegion, byAgency } = await blocks.openBlockCounts(ctx.db, rc.actor, region);
  return {
    requested: byRegion.reduce((n, r) => n + r.requested, 0),
    imposed: byRegion.reduce((n, r) => n + r.imposed, 0),
    byRegion,
    byAgency: byAgency.map((a) => ({ id: a.id ?? null, name: a.name, regionCode: a.regionCode, requested: a.requested, imposed: a.imposed })),
  };
}
