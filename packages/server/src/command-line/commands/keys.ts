/**
 * `netra keys check` and `netra keys rotate`: the encryption key against the fingerprint the
 * database records (security/keys.ts), and changing the key by re-encrypting every reporter
 * identity and TOTP secret in one transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.ts';
import { loadEncryptionKey } from '../../security/encryption.ts';
import { checkEncryptionKey, keyFingerprint, newEncryptionKey, rotateEncryptionKey } from '../../security/keys.ts';
import { EXIT, type Command } from '../command.ts';

const keyDir = () => path.join(loadConfig().dataDir, 'keys');

export const keysCheckCommand: Command = {
  words: ['keys', 'check'],
  summary: {
    id: 'Bandingkan kunci enkripsi server ini dengan sidik kunci yang tercatat di basis data.',
    en: "Compare this server's encryption key with the fingerprint recorded in the database.",
  },
  arguments: [],
  async run({ db, print, language }) {
    const key = loadEncryptionKey(keyDir());
    await checkEncryptionKey(db, key);
    print(language === 'id' ? `Kunci cocok: ${keyFingerprint(key)}` : `Key matches: ${keyFingerprint(key)}`);
    return EXIT.ok;
  },
};

export const keysRotateCommand: Command = {
  words: ['keys', 'rotate'],
  summary: {
    id: 'Ganti kunci enkripsi: enkripsi ulang identitas pelapor dan rahasia TOTP dengan kunci baru.',
    en: 'Change the encryption key: re-encrypt reporter identities and TOTP secrets with a new key.',
  },
  description: {
    id: 'Kunci lama: NETRA_ENCRYPTION_KEY atau berkas kunci. Kunci baru: NETRA_NEW_ENCRYPTION_KEY (base64 32 bita), atau --generate. Hentikan semua server Netra dahulu; setelah selesai, mulai semuanya dengan kunci baru. Bila kunci berasal dari berkas, berkas itu diganti dan kunci lama disimpan di sebelahnya.',
    en: 'Old key: NETRA_ENCRYPTION_KEY or the key file. New key: NETRA_NEW_ENCRYPTION_KEY (base64 of 32 bytes), or --generate. Stop every Netra server first; afterwards start them all with the new key. When the key came from the key file, the file is replaced and the old key kept beside it.',
  },
  arguments: [],
  options: {
    generate: { type: 'boolean', description: { id: 'Buat kunci baru acak dan cetak (simpan di tempat aman).', en: 'Generate a random new key and print it (store it safely).' } },
  },
  async run({ db, options, print, progress, language }) {
    const fromEnv = Boolean(process.env.NETRA_ENCRYPTION_KEY);
    const oldKey = loadEncryptionKey(keyDir());
    let newKey: Buffer;
    if (options.generate) newKey = newEncryptionKey();
    else if (process.env.NETRA_NEW_ENCRYPTION_KEY) newKey = Buffer.from(process.env.NETRA_NEW_ENCRYPTION_KEY, 'base64');
    else {
      progress(language === 'id' ? 'Setel NETRA_NEW_ENCRYPTION_KEY atau pakai --generate.' : 'Set NETRA_NEW_ENCRYPTION_KEY or use --generate.');
      return EXIT.usage;
    }
    const result = await rotateEncryptionKey(db, oldKey, newKey);
    print(
      language === 'id'
        ? `Kunci diganti: ${result.identities} identitas pelapor dan ${result.totpSecrets} rahasia TOTP dienkripsi ulang (${result.oldFingerprint} → ${result.newFingerprint}).`
        : `Key rotated: ${result.identities} reporter identities and ${result.totpSecrets} TOTP secrets re-encrypted (${result.oldFingerprint} → ${result.newFingerprint}).`,
    );
    if (!fromEnv) {
      const file = path.join(keyDir(), 'encryption.key');
      const kept = `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.old`;
      fs.copyFileSync(file, kept);
      fs.writeFileSync(file, newKey.toString('base64'), { mode: 0o600 });
      print(language === 'id' ? `Berkas kunci diganti; kunci lama disimpan di ${kept}.` : `Key file replaced; the old key is kept in ${kept}.`);
    } else {
      print(language === 'id' ? 'Setel NETRA_ENCRYPTION_KEY ke kunci baru di setiap server sebelum memulainya lagi.' : 'Set NETRA_ENCRYPTION_KEY to the new key on every server before starting it again.');
    }
    if (options.generate) print(`NETRA_ENCRYPTION_KEY=${newKey.toString('base64')}`);
    return EXIT.ok;
  },
};
