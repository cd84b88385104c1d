import type { SelectQueryBuilder } from 'kysely';

/**
 * How many rows a list query finds: its selection swapped for count(*). PostgreSQL's bigint count
 * arrives as text, so callers convert it with Number().
 */
export async function countOf<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number | string> {
  const [row] = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  return (row as { total: number | string }).total;
}
