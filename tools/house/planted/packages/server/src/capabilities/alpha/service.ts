import { sql } from 'kysely';
import { rows } from '../beta/repository.ts';

export const planted = (db: { selectFrom(table: string): unknown }) => [db.selectFrom('cases'), sql`select 1`, rows];
