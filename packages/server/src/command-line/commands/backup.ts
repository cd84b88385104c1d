/**
 * `netra backup [--out DIR]` and `netra restore ARCHIVE`: the whole system (database, stored
 * files, manifest) as one archive, and back (capabilities/retention/backup.service.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.ts';
import { createBackup, restoreBackup, RestoreRefusedError } from '../../capabilities/retention/backup.service.ts';
import { loadEncryptionKey } from '../../security/encryption.ts';
import { fileStoreFromEnv } from '../../storage/config.ts';
import { EXIT, type Command } from '../command.ts';

const evidenceDir = () => path.join(loadConfig().dataDir, 'evidence');

export const backupCommand: Command = {
  words: ['backup'],
  summary: {
    id: 'Cadangkan seluruh sistem (basis data, berkas tersimpan, manifest) ke satu arsip.',
    en: 'Back up the whole system (database, stored files, manifest) into one archive.',
  },
  description: {
    id: 'Tabel dibaca dalam satu snapshot (server boleh tetap berjalan); berkas bukti dan ekspor dibaca dari direktori lokal atau penyimpanan objek. Manifest memuat hash, jumlah baris, versi skema dan sidik kunci — tidak pernah kuncinya: simpan NETRA_ENCRYPTION_KEY terpisah dari arsip.',
    en: 'Tables are read in one snapshot (servers may keep running); evidence and export files are read from the local directory or the object store. The manifest holds hashes, row counts, the schema version and key fingerprints — never the keys: keep NETRA_ENCRYPTION_KEY apart from the archive.',
  },
  arguments: [],
  options: {
    out: { type: 'string', short: 'o', valueName: 'DIR', description: { id: 'Folder tujuan arsip (bawaan: ./backups).', en: 'Folder for the archive (default: ./backups).' } },
  },
  async run({ db, options, print, progress }) {
    const files = fileStoreFromEnv(evidenceDir());
    try {
      const result = await createBackup({ db, files }, path.resolve(String(options.out ?? 'backups')), progress);
      print(result.archive);
      return EXIT.ok;
    } finally {
      await files.close();
    }
  },
};

export const restoreCommand: Command = {
  words: ['restore'],
  summary: {
    id: 'Pulihkan sistem dari arsip cadangan ke basis data kosong.',
    en: 'Restore a system from a backup archive into an empty database.',
  },
  description: {
    id: 'Sasaran: direktori data baru (NETRA_DATA_DIR, PostgreSQL tertanam) atau basis data kosong (DATABASE_URL). Ditolak bila sasaran berisi data atau kunci enkripsi (NETRA_ENCRYPTION_KEY atau berkas kunci di direktori data) tidak cocok dengan sidik di arsip.',
    en: 'Target: a new data directory (NETRA_DATA_DIR, embedded PostgreSQL) or an empty database (DATABASE_URL). Refused when the target holds data or the encryption key (NETRA_ENCRYPTION_KEY, or the key file in the data directory) does not match the archive\'s fingerprint.',
  },
  arguments: [{ name: 'ARCHIVE', description: { id: 'Berkas netra-backup-….tar.gz', en: 'The netra-backup-….tar.gz file' } }],
  database: 'bare',
  async run({ db, args, print, progress, language }) {
    const keyDir = path.join(loadConfig().dataDir, 'keys');
    // Never create a key here: a new random key could only be the wrong one.
    const hasKey = Boolean(process.env.NETRA_ENCRYPTION_KEY) || fs.existsSync(path.join(keyDir, 'encryption.key'));
    const files = fileStoreFromEnv(evidenceDir());
    try {
      const result = await restoreBackup({ db, files, encryptionKey: hasKey ? loadEncryptionKey(keyDir) : null }, path.resolve(args[0]!), progress);
      print(
        language === 'id'
          ? `Dipulihkan: ${result.manifest.totals.tables} tabel, ${result.rows} baris, ${result.files} berkas (cadangan ${result.manifest.createdAt}).`
          : `Restored: ${result.manifest.totals.tables} tables, ${result.rows} rows, ${result.files} files (backup of ${result.manifest.createdAt}).`,
      );
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof RestoreRefusedError)) throw error;
      progress(error.message);
      return EXIT.failed;
    } finally {
      await files.close();
    }
  },
};
