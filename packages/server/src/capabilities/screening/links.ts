/**
 * Linking accounts to the ASN register. A link counts for scoring (the scorer's `asnLinked`) only
 * once it is confirmed: by the monitor's file naming the NIP, by an officer linking by hand, or by
 * an officer confirming a proposal. Proposals come from matching the account's display name (and
 * agency, when the profile names one) against the register of the account's region with pg_trgm;
 * a rejected proposal is remembered so matching does not offer it again.
 */
import { normaliseNip, regionWithinScope, type Scope } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import type { RequestContext, RequestMeta, StaffUser } from '../../http/request-context.ts';
import { appendAudit } from '../audit/service.ts';
import * as repo from './accounts.repository.ts';
import { accountDto, forViewer } from './present.ts';
import { rescoreOpenPosts } from './scoring.ts';

/** Below this trigram similarity a name is too unlike to propose (1 = the same folded name). */
export const LINK_PROPOSAL_MIN_SIMILARITY = 0.55;
const PROPOSAL_BATCH = 500;

/** Proposes a link for each unlinked account (in scope, optionally by region or id) that resembles a civil servant. */
export async function proposeLinks(db: Db, scope: Scope, filter: { regionCode?: string; ids?: readonly string[] }): Promise<number> {
  const accounts = await repo.unlinkedAccounts(db, scope, filter, filter.ids ? filter.ids.length : PROPOSAL_BATCH);
  let proposed = 0;
  for (const account of accounts) {
    const match = await repo.bestAsnMatch(db, account, LINK_PROPOSAL_MIN_SIMILARITY);
    if (!match) continue;
    await repo.setAccountLink(db, account.id, { asnId: match.asnId, status: 'proposed', similarity: match.similarity, decidedBy: null, decidedAt: null });
    proposed += 1;
  }
  return proposed;
}

const accountNotFound = () => notFound({ id: 'Akun', en: 'Account' });

/** Watched accounts in scope with their ASN link (proposals first); analysts see the link's status only. */
export async function listAccounts(ctx: AppContext, rc: RequestContext, filter: Parameters<typeof repo.listAccounts>[2]) {
  const { total, items } = await repo.listAccounts(ctx.db, rc.actor.scope, filter);
  return { total, items: items.map((row) => forViewer(rc.actor, accountDto(row))) };
}

/** Proposes links for the unlinked accounts of the staff member's scope (or one region of it). */
export async function proposeLinksInScope(ctx: AppContext, rc: RequestContext, regionCode: string | undefined) {
  if (regionCode && !regionWithinScope(rc.actor.scope, regionCode)) throw notFound({ id: `Wilayah ${regionCode}`, en: `Region ${regionCode}` });
  return { proposed: await proposeLinks(ctx.db, rc.actor.scope, regionCode ? { regionCode } : {}) };
}

/** The account as it stands after a change to its link, with the number of posts scored again. */
async function accountAfter(db: Db, staff: StaffUser, id: string, rescored: number) {
  const row = await repo.findAccount(db, staff.scope, id);
  if (!row) throw accountNotFound();
  return { account: accountDto(row), rescored };
}

async function accountInScope(db: Db, staff: StaffUser, id: string) {
  const account = await repo.findAccount(db, staff.scope, id);
  if (!account) throw accountNotFound();
  return account;
}

async function audit(db: Db, staff: StaffUser, action: string, accountId: string, data: Record<string, string | number | null>, meta: RequestMeta, at: Date) {
  await db.transaction().execute((trx) => appendAudit(trx, { actorId: staff.id, action, entityType: 'screening_account', entityId: accountId, data, ...meta, at }));
}

/** Links an account to the civil servant with this NIP (in the officer's territory), confirmed. */
export async function linkAccount(ctx: AppContext, rc: RequestContext, id: string, nipInput: string) {
  const { db } = ctx;
  const { actor: staff, meta } = rc;
  const at = ctx.now();
  const account = await accountInScope(db, staff, id);
  const nip = normaliseNip(nipInput);
  const person = await repo.findAsnInScope(db, staff.scope, nip);
  if (!person) {
    throw new ApiError(404, 'asn_not_found', { id: `NIP ${nip} tidak ada di register dalam wilayah tugas Anda.`, en: `NIP ${nip} is not in the register within your scope.` }, [
      { field: 'body.asnNip', message: { id: `NIP ${nip} tidak ditemukan.`, en: `NIP ${nip} not found.` } },
    ]);
  }
  await repo.setAccountLink(db, id, { asnId: person.id, status: 'confirmed', similarity: null, decidedBy: staff.id, decidedAt: at });
  await audit(db, staff, 'screening_account.linked', id, { asnId: person.id, previousAsnId: account.asn_id ?? null }, meta, at);
  const rescored = await rescoreOpenPosts(db, { accountId: id }, at);
  return accountAfter(db, staff, id, rescored);
}

const noProposal = () => new ApiError(409, 'no_link_proposal', { id: 'Akun ini tidak punya usulan tautan ASN.', en: 'This account has no ASN link proposal.' });

/** The account in scope whose ASN link is still a proposal; 409 `no_link_proposal` otherwise. */
async function proposedAccount(db: Db, staff: StaffUser, id: string) {
  const account = await accountInScope(db, staff, id);
  if (account.link_status !== 'proposed' || account.asn_id === null) throw noProposal();
  return { ...account, asn_id: account.asn_id };
}

export async function confirmProposal(ctx: AppContext, rc: RequestContext, id: string) {
  const { db } = ctx;
  const { actor: staff, meta } = rc;
  const at = ctx.now();
  const account = await proposedAccount(db, staff, id);
  await repo.setAccountLink(db, id, { asnId: account.asn_id, status: 'confirmed', similarity: account.link_similarity, decidedBy: staff.id, decidedAt: at });
  await audit(db, staff, 'screening_account.link_confirmed', id, { asnId: account.asn_id, similarity: account.link_similarity }, meta, at);
  const rescored = await rescoreOpenPosts(db, { accountId: id }, at);
  return accountAfter(db, staff, id, rescored);
}

export async function rejectProposal(ctx: AppContext, rc: RequestContext, id: string) {
  const { db } = ctx;
  const { actor: staff, meta } = rc;
  const at = ctx.now();
  const account = await proposedAccount(db, staff, id);
  await repo.setAccountLink(db, id, { asnId: null, status: null, similarity: null, decidedBy: staff.id, decidedAt: at, rejectAsnId: account.asn_id });
  await audit(db, staff, 'screening_account.link_rejected', id, { asnId: account.asn_id, similarity: account.link_similarity }, meta, at);
  return accountAfter(db, staff, id, 0);
}

/** Removes a link (a wrong one confirmed by mistake); the ASN is not proposed again. */
export async function unlinkAccount(ctx: AppContext, rc: RequestContext, id: string) {
  const { db } = ctx;
  const { actor: staff, meta } = rc;
  const at = ctx.now();
  const account = await accountInScope(db, staff, id);
  if (account.asn_id === null) return accountAfter(db, staff, id, 0);
  await repo.setAccountLink(db, id, { asnId: null, status: null, similarity: null, decidedBy: staff.id, decidedAt: at, rejectAsnId: account.asn_id });
  await audit(db, staff, 'screening_account.unlinked', id, { asnId: account.asn_id }, meta, at);
  const rescored = account.link_status === 'confirmed' ? await rescoreOpenPosts(db, { accountId: id }, at) : 0;
  return accountAfter(db, staff, id, rescored);
}
