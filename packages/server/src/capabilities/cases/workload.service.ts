/**
 * The day's work, the console's home: for the signed-in person, in their scope and by each
 * region's own "today" (WIB, WITA, WIT), how many cases are new, have a clock due today or in the
 * next three days, are overdue, are assigned to them, or wait for their role (BKN, the PPK and
 * Bawaslu alike), and how many notifications are unread. Each count is the same scoped query as
 * the queue it links to (`countCases` = `listCases` without the page), so a count and the list
 * it opens cannot disagree.
 */
import { can } from '@netra/core';
import type { AppContext } from '../../context.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { inbox } from '../notifications/service.ts';
import { countCases } from './repository.ts';
import { statesNeedingAction } from './rules.ts';
import type { ListCasesQuery } from './schema.ts';

type CaseFilter = Omit<ListCasesQuery, 'sort' | 'limit' | 'offset' | 'lang'>;

export const WORKLOAD_ITEMS = ['new', 'due_today', 'due_soon', 'overdue', 'mine', 'waiting'] as const;
export type WorkloadItem = (typeof WORKLOAD_ITEMS)[number];

/** Each count's queue, as API filters and as the console's address (/konsol/perkara?…). */
const FILTERS: Record<WorkloadItem, { api: CaseFilter; href: string }> = {
  new: { api: { queue: 'all', state: ['received'] }, href: 'antrian=all&status=received' },
  due_today: { api: { queue: 'needs_action', due: 'today' }, href: 'antrian=needs_action&tenggat=today' },
  due_soon: { api: { queue: 'needs_action', due: 'soon' }, href: 'antrian=needs_action&tenggat=soon' },
  overdue: { api: { queue: 'overdue' }, href: 'antrian=overdue' },
  mine: { api: { queue: 'mine' }, href: 'antrian=mine' },
  waiting: { api: { queue: 'needs_action' }, href: 'antrian=needs_action' },
};

export async function workload(ctx: AppContext, rc: RequestContext) {
  const { actor } = rc;
  const now = ctx.now();
  const readsCases = can(actor.role, 'cases.read');
  const items = readsCases
    ? await Promise.all(
        WORKLOAD_ITEMS.filter((item) => item !== 'new' || statesNeedingAction(actor.role).includes('received')).map(async (item) => ({
          code: item,
          count: await countCases(ctx.db, actor, FILTERS[item].api, now),
          href: `/konsol/perkara?${FILTERS[item].href}`,
        })),
      )
    : [];
  const { unread } = await inbox(ctx, rc, { unread: true, limit: 1, offset: 0 });
  return { asOf: now.toISOString(), cases: readsCases, items, notificationsUnread: unread };
}
