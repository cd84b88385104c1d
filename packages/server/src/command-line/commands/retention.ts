/**
 * `netra retention purge [--dry-run]`: the retention purge now, as the nightly job runs it
 * (capabilities/retention/retention.service.ts): what the rules have expired and no hold covers is
 * forgotten; every run, dry or not, is recorded with its log (kind, rule, region, count, ids).
 */
import path from 'node:path';
import { runPurge } from '../../capabilities/retention/retention.service.ts';
import { loadConfig } from '../../config.ts';
import { loadEncryptionKey } from '../../security/encryption.ts';
import { fileStoreFromEnv } from '../../storage/config.ts';
import { EXIT, type Command } from '../command.ts';

export const retentionPurgeCommand: Command = {
  words: ['retention', 'purge'],
  summary: {
    id: 'Musnahkan data yang kedaluwarsa menurut aturan retensi (kecuali yang ditahan).',
    en: 'Purge the data the retention rules have expired (except what is held).',
  },
  description: {
    id: 'Sama dengan tugas malam retention-purge. Dengan --dry-run hanya dicatat apa yang akan dimusnahkan. Identitas pelapor dimusnahkan dengan menghapus kuncinya.',
    en: "The same as the nightly retention-purge job. With --dry-run only what would be purged is recorded. Reporters' identities are destroyed by erasing their keys.",
  },
  arguments: [],
  options: {
    'dry-run': { type: 'boolean', description: { id: 'Hanya tunjukkan apa yang akan dimusnahkan.', en: 'Only show what would be purged.' } },
  },
  async run({ db, options, print, language }) {
    const config = loadConfig();
    const files = fileStoreFromEnv(path.join(config.dataDir, 'evidence'));
    try {
      const encryptionKey = loadEncryptionKey(path.join(config.dataDir, 'keys'));
      const dryRun = Boolean(options['dry-run']);
      const result = await runPurge({ db, files, encryptionKey, now: () => new Date() }, { dryRun, trigger: 'cli', actorId: null });
      print(
        language === 'id'
          ? `${dryRun ? 'Uji coba' : 'Pemusnahan'} ${result.today} (WIB): ${result.total} item, ${result.held} item kedaluwarsa ditahan; catatan ${result.runId}`
          : `${dryRun ? 'Dry run' : 'Purge'} ${result.today} (WIB): ${result.total} items, ${result.held} expired items held; run ${result.runId}`,
      );
      return EXIT.ok;
    } finally {
      await files.close();
    }
  },
};
