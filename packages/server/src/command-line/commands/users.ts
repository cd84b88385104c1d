/**
 * `netra users …`: accounts from the shell. The first administrator of a new installation is
 * invited this way (`netra users invite ana@bawaslu.go.id --name "Ana" --role administrator`): the
 * one-time link is printed, and its holder sets their own password and TOTP in the browser.
 * A second-factor reset is not offered here: it needs a second administrator's approval, in the console.
 */
import path from 'node:path';
import { isPermissionAction, isRoleCode, ROLE_CODES } from '@netra/core';
import { loadConfig } from '../../config.ts';
import { inviteOfficer } from '../../capabilities/users/invitations.service.ts';
import { accountsForRegion, changeAccessFromShell, setActiveFromShell, userList } from '../../capabilities/users/service.ts';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../http/errors.ts';
import { loadEncryptionKey } from '../../security/encryption.ts';
import { EXIT, type Command, type CommandContext } from '../command.ts';

const contextOf = (db: CommandContext['db']) => ({ db, now: () => new Date() }) as Pick<AppContext, 'db' | 'now'>;
const origin = () => process.env.NETRA_PUBLIC_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;

/** A refusal of the services, printed as its message and fields; anything else is rethrown. */
function refused(error: unknown, c: CommandContext): number {
  if (!(error instanceof ApiError)) throw error;
  c.print(`${error.messages[c.language]}${error.fields?.length ? `: ${error.fields.map((f) => `${f.field} — ${f.message[c.language]}`).join('; ')}` : ''}`);
  return EXIT.failed;
}

export const usersInviteCommand: Command = {
  words: ['users', 'invite'],
  summary: { id: 'Undang petugas: cetak tautan sekali pakai (atau kirim lewat email dengan --send).', en: 'Invite an officer: print the one-time link (or e-mail it with --send).' },
  arguments: [{ name: 'email', description: { id: 'email petugas', en: "the officer's e-mail" } }],
  options: {
    name: { type: 'string', valueName: 'nama', description: { id: 'nama lengkap', en: 'full name' } },
    role: { type: 'string', valueName: 'peran', description: { id: `peran: ${ROLE_CODES.join(', ')}`, en: `role: ${ROLE_CODES.join(', ')}` } },
    region: { type: 'string', valueName: 'kode', description: { id: 'kode wilayah cakupan (kosong = nasional)', en: 'scope region code (none = national)' } },
    send: { type: 'boolean', description: { id: 'kirim lewat SMTP (NETRA_SMTP_URL) alih-alih mencetak tautan', en: 'send through SMTP (NETRA_SMTP_URL) instead of printing the link' } },
  },
  async run(c) {
    const [email] = c.args;
    const role = String(c.options.role ?? '');
    const name = String(c.options.name ?? '');
    if (!email || !isRoleCode(role) || name.trim().length < 3) {
      c.print(c.language === 'id' ? 'Perlu: <email> --name "Nama" --role <peran> [--region PP.KK]' : 'Needs: <email> --name "Name" --role <role> [--region PP.KK]');
      return EXIT.usage;
    }
    const ctx = { ...contextOf(c.db), encryptionKey: loadEncryptionKey(path.join(loadConfig().dataDir, 'keys')) };
    try {
      const region = typeof c.options.region === 'string' ? c.options.region : null;
      const result = await inviteOfficer(ctx, { actor: null, meta: { ip: null, userAgent: 'netra-cli' } }, { email: email.trim().toLowerCase(), name: name.trim(), role, regionCode: region }, origin(), { manual: !c.options.send });
      const until = result.invitation.expiresAt;
      if (result.invitation.link) {
        c.print(c.language === 'id' ? `Akun dibuka untuk ${result.user.email} (${role}). Serahkan tautan ini kepadanya (berlaku sampai ${until}):` : `Account opened for ${result.user.email} (${role}). Hand over this link (valid until ${until}):`);
        c.print(result.invitation.link);
      } else {
        c.print(c.language === 'id' ? `Undangan dikirim ke ${result.user.email} (berlaku sampai ${until}).` : `Invitation sent to ${result.user.email} (valid until ${until}).`);
      }
      return EXIT.ok;
    } catch (error) {
      return refused(error, c);
    }
  },
};

export const usersListCommand: Command = {
  words: ['users', 'list'],
  summary: { id: 'Daftar akun petugas (TSV).', en: 'List staff accounts (TSV).' },
  arguments: [],
  options: { role: { type: 'string', valueName: 'peran', description: { id: 'hanya peran ini', en: 'only this role' } } },
  async run(c) {
    const role = typeof c.options.role === 'string' ? c.options.role : undefined;
    const { items } = await userList(contextOf(c.db) as AppContext, { role, limit: 10_000, offset: 0 });
    c.print(['email', 'name', 'role', 'region', 'status'].join('\t'));
    for (const u of items) c.print([u.email, u.name, u.role, u.regionCode ?? 'nasional', !u.active ? 'inactive' : u.passwordSet ? 'active' : 'invited'].join('\t'));
    return EXIT.ok;
  },
};

export const usersDeactivateCommand: Command = {
  words: ['users', 'deactivate'],
  summary: { id: 'Nonaktifkan akun dan akhiri semua sesinya.', en: 'Deactivate an account and end all its sessions.' },
  arguments: [{ name: 'email', description: { id: 'email akun', en: 'account e-mail' } }],
  async run(c) {
    try {
      const user = await setActiveFromShell(contextOf(c.db), c.args[0] ?? '', false);
      c.print(c.language === 'id' ? `Dinonaktifkan: ${user.email}` : `Deactivated: ${user.email}`);
      return EXIT.ok;
    } catch (error) {
      return refused(error, c);
    }
  },
};

export const usersAccessCommand: Command = {
  words: ['users', 'access'],
  summary: { id: 'Ubah peran dan cakupan akun, dengan alasan (dicatat di log audit; sesi akun diakhiri).', en: "Change an account's role and scope, with a reason (audited; the account's sessions end)." },
  arguments: [{ name: 'email', description: { id: 'email akun', en: 'account e-mail' } }],
  options: {
    role: { type: 'string', valueName: 'peran', description: { id: `peran: ${ROLE_CODES.join(', ')}`, en: `role: ${ROLE_CODES.join(', ')}` } },
    region: { type: 'string', valueName: 'kode', description: { id: 'kode wilayah cakupan (kosong = nasional)', en: 'scope region code (none = national)' } },
    reason: { type: 'string', valueName: 'alasan', description: { id: 'alasan perubahan (10–1000 karakter)', en: 'reason for the change (10–1000 characters)' } },
  },
  async run(c) {
    const [email] = c.args;
    const role = String(c.options.role ?? '');
    const reason = String(c.options.reason ?? '').trim();
    if (!email || !isRoleCode(role) || reason.length < 10 || reason.length > 1000) {
      c.print(c.language === 'id' ? 'Perlu: <email> --role <peran> [--region PP.KK] --reason "alasan, 10–1000 karakter"' : 'Needs: <email> --role <role> [--region PP.KK] --reason "reason, 10–1000 characters"');
      return EXIT.usage;
    }
    try {
      const region = typeof c.options.region === 'string' && c.options.region.trim() ? c.options.region.trim() : null;
      const user = await changeAccessFromShell(contextOf(c.db), email.trim().toLowerCase(), { role, regionCode: region, reason });
      c.print(c.language === 'id' ? `Akses diubah: ${user.email} kini ${user.role} (${user.regionCode ?? 'nasional'}); petugas harus masuk kembali.` : `Access changed: ${user.email} is now ${user.role} (${user.regionCode ?? 'national'}); the officer signs in again.`);
      return EXIT.ok;
    } catch (error) {
      return refused(error, c);
    }
  },
};

export const usersWhoCommand: Command = {
  words: ['users', 'who'],
  summary: { id: 'Siapa yang dapat bertindak di suatu wilayah (opsional: untuk satu tindakan tabel izin).', en: 'Who can act in a region (optionally: for one action of the permission table).' },
  arguments: [{ name: 'region', description: { id: 'kode wilayah', en: 'region code' } }],
  options: { action: { type: 'string', valueName: 'tindakan', description: { id: 'misalnya cases.transition', en: 'e.g. cases.transition' } } },
  async run(c) {
    const action = typeof c.options.action === 'string' ? c.options.action : undefined;
    if (action !== undefined && !isPermissionAction(action)) {
      c.print(c.language === 'id' ? `Tindakan tidak dikenal: ${action}` : `Unknown action: ${action}`);
      return EXIT.usage;
    }
    try {
      const result = await accountsForRegion(contextOf(c.db) as AppContext, { region: c.args[0] ?? '', action, limit: 10_000, offset: 0 });
      for (const u of result.items) c.print([u.email, u.name, u.role, u.regionCode ?? 'nasional'].join('\t'));
      c.progress(c.language === 'id' ? `${result.total} akun` : `${result.total} accounts`);
      return EXIT.ok;
    } catch (error) {
      return refused(error, c);
    }
  },
};
