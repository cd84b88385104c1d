/**
 * Demo staff accounts, one per role in the seed regions, so a person trying Netra can walk a case
 * from report to sanction. Each has the same demo password and a TOTP secret derived from its
 * e-mail (printed by `npm start`; add it to any authenticator app). Demo only: production accounts
 * are created by an administrator and enrol their own TOTP.
 */
import { createHash } from 'node:crypto';
import { scopeOfAccount } from '@netra/core';
import { ScureBase32Plugin } from 'otplib';
import { accountByEmail, createUser } from '../capabilities/users/service.ts';
import type { AppContext } from '../context.ts';
import type { StaffUser } from '../http/request-context.ts';
import { encrypt } from '../security/encryption.ts';

export const DEMO_PASSWORD = 'netra-demo-2024';

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
  regionCode: string | null;
}

/** Fictional officials; the names are generated, not real people. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@netra.demo', name: 'Admin Netra', role: 'administrator', regionCode: null },
  { email: 'bawaslu.ri@netra.demo', name: 'Rina Kusuma (Bawaslu RI)', role: 'bawaslu_national', regionCode: null },
  { email: 'bawaslu.jatim@netra.demo', name: 'Hendra Saputra (Bawaslu Jawa Timur)', role: 'bawaslu_province', regionCode: '35' },
  { email: 'bawaslu.kaltim@netra.demo', name: 'Dewi Anggraini (Bawaslu Kalimantan Timur)', role: 'bawaslu_province', regionCode: '64' },
  { email: 'bawaslu.sumsel@netra.demo', name: 'Imam Nasution (Bawaslu Sumatera Selatan)', role: 'bawaslu_province', regionCode: '16' },
  { email: 'bawaslu.banyuwangi@netra.demo', name: 'Agus Prasetyo (Bawaslu Banyuwangi)', role: 'bawaslu_regency', regionCode: '35.10' },
  { email: 'bawaslu.banyuasin@netra.demo', name: 'Sari Lubis (Bawaslu Banyuasin)', role: 'bawaslu_regency', regionCode: '16.07' },
  { email: 'bawaslu.kotamojokerto@netra.demo', name: 'Yusuf Hakim (Bawaslu Kota Mojokerto)', role: 'bawaslu_regency', regionCode: '35.76' },
  { email: 'bawaslu.kabmojokerto@netra.demo', name: 'Lestari Wibowo (Bawaslu Kab. Mojokerto)', role: 'bawaslu_regency', regionCode: '35.16' },
  { email: 'bkn@netra.demo', name: 'Bambang Purnomo (BKN)', role: 'bkn_verifier', regionCode: null },
  { email: 'bkpsdm.banyuwangi@netra.demo', name: 'Fitri Rahmawati (BKPSDM Banyuwangi)', role: 'bkpsdm_officer', regionCode: '35.10' },
  { email: 'bkpsdm.banyuasin@netra.demo', name: 'Teguh Siregar (BKPSDM Banyuasin)', role: 'bkpsdm_officer', regionCode: '16.07' },
  { email: 'bkpsdm.kotamojokerto@netra.demo', name: 'Maya Handayani (BKPSDM Kota Mojokerto)', role: 'bkpsdm_officer', regionCode: '35.76' },
  { email: 'bkpsdm.kabmojokerto@netra.demo', name: 'Rudi Setiawan (BKPSDM Kab. Mojokerto)', role: 'bkpsdm_officer', regionCode: '35.16' },
  { email: 'bkd.kaltim@netra.demo', name: 'Citra Maulana (BKD Kalimantan Timur)', role: 'bkpsdm_officer', regionCode: '64' },
  { email: 'ppk.banyuwangi@netra.demo', name: 'Joko Santoso (PPK Banyuwangi)', role: 'ppk_delegate', regionCode: '35.10' },
  { email: 'ppk.banyuasin@netra.demo', name: 'Ratna Harahap (PPK Banyuasin)', role: 'ppk_delegate', regionCode: '16.07' },
  { email: 'ppk.kotamojokerto@netra.demo', name: 'Dimas Utomo (PPK Kota Mojokerto)', role: 'ppk_delegate', regionCode: '35.76' },
  { email: 'ppk.kabmojokerto@netra.demo', name: 'Winda Safitri (PPK Kab. Mojokerto)', role: 'ppk_delegate', regionCode: '35.16' },
  { email: 'ppk.kaltim@netra.demo', name: 'Galih Permana (PPK Kalimantan Timur)', role: 'ppk_delegate', regionCode: '64' },
  { email: 'analis@netra.demo', name: 'Nanda Pratama (Analis)', role: 'analyst', regionCode: null },
];

/** Deterministic, so tests and the printed table agree without reading the database. */
export function demoTotpSecret(email: string): string {
  const bytes = createHash('sha256').update(`netra-demo-totp:${email}`).digest().subarray(0, 20);
  return new ScureBase32Plugin().encode(new Uint8Array(bytes));
}

export async function seedDemoAccounts(ctx: AppContext): Promise<DemoAccount[]> {
  const created: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await accountByEmail(ctx, account.email)) continue;
    await createUser(ctx, { actor: null, meta: { ip: null, userAgent: 'netra-seed' } }, { ...account, password: DEMO_PASSWORD }, encrypt(ctx.encryptionKey, demoTotpSecret(account.email)));
    created.push(account);
  }
  return created;
}

export function demoAccountsTable(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(34)} ${a.role.padEnd(17)} ${(a.regionCode ?? 'nasional').padEnd(9)} TOTP ${demoTotpSecret(a.email)}`);
  return [`Akun demo (kata sandi semua: ${DEMO_PASSWORD}; kode TOTP dari rahasia di kolom terakhir):`, ...lines].join('\n');
}

/** The demo officer with this e-mail, as the console would see them after signing in; null before the accounts exist. */
export async function demoStaff(ctx: AppContext, email: string): Promise<StaffUser | null> {
  const user = await accountByEmail(ctx, email);
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scope: scopeOfAccount(user),
    sessionId: 'seed',
    csrfToken: '',
    mfa: 'not_required',
  } as StaffUser;
}
