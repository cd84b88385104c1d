/**
 * The fictional demo Netra loads on first start (config `demoData`, `NETRA_DEMO=0` turns it off):
 * the register of the five demo regions, one account per role, Pilkada 2024 activity in
 * Banyuwangi and three cases in Banyuasin and Kabupaten Mojokerto. Each part is loaded once and
 * left alone on later starts. The accounts table is printed so a person can sign in.
 */
import { dateInTimeZone } from '@netra/core';
import type { AppContext } from '../context.ts';
import { demoAccountsTable, seedDemoAccounts } from './accounts.ts';
import { seedDemoActivity } from './activity.ts';
import { seedDemoCases } from './cases.ts';
import { seedDemoRegister } from './register.ts';

export async function seedDemoData(ctx: AppContext, progress: (message: string) => void): Promise<void> {
  const loaded = await seedDemoRegister(ctx.db, dateInTimeZone(new Date(), 'Asia/Jakarta'), progress);
  if (!loaded) progress('Data demo sudah ada, dipakai ulang');
  await seedDemoAccounts(ctx);
  await seedDemoActivity(ctx, progress);
  await seedDemoCases(ctx, progress);
  progress(demoAccountsTable());
}
