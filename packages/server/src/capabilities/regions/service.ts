/**
 * Regions (Kemendagri codes) as other capabilities and the public API read them. Reference data:
 * loaded by db/seed/reference.ts, read here.
 */
import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import * as repo from './repository.ts';
import type { ListRegionsQuery, RegionDto } from './schema.ts';

/** Only the database is needed: callers without a request (imports, the CLI) pass `{ db }`. */
type Reader = Pick<AppContext, 'db'>;

export async function findRegion(ctx: Reader, code: string): Promise<RegionDto | undefined> {
  return repo.findRegion(ctx.db, code);
}

/** The region, or 404 as every unknown code answers. */
export async function requireRegion(ctx: Reader, code: string): Promise<RegionDto> {
  const region = await repo.findRegion(ctx.db, code);
  if (!region) throw notFound({ id: `Wilayah ${code}`, en: `Region ${code}` });
  return region;
}

/** One page of regions and the size of the whole list. */
export async function listRegions(ctx: Reader, query: ListRegionsQuery) {
  const { total, items } = await repo.listRegions(ctx.db, query);
  const { limit, offset } = query;
  return { total, limit, offset, nextOffset: offset + items.length < total ? offset + items.length : null, items };
}

/** Names of the given regions (unknown codes are left out). */
export async function regionNames(ctx: Reader, codes: readonly string[]): Promise<Array<{ code: string; name: string }>> {
  return codes.length ? repo.regionNames(ctx.db, codes) : [];
}
