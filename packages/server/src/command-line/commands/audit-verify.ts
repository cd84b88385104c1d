/**
 * `netra audit verify` and `netra audit checkpoint`: the keyed audit chain (capabilities/audit/
 * chain.ts) checked end to end against its checkpoints, and the current head signed for an
 * auditor to keep. Both need the key (NETRA_ENCRYPTION_KEY or the key file) and the file store
 * the server writes its checkpoints to; both work while the server runs (the CLI uses its
 * PostgreSQL).
 */
import fs from 'node:fs';
import path from 'node:path';
import { currentCheckpoint, formatCheckpoint, verifyAuditChain } from '../../capabilities/audit/service.ts';
import { loadConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { loadEncryptionKey } from '../../security/encryption.ts';
import { checkEncryptionKey } from '../../security/keys.ts';
import { fileStoreFromEnv } from '../../storage/config.ts';
import { EXIT, type Command } from '../command.ts';

async function withAuditContext<T>(db: Db, work: (ctx: { db: Db; hmacKey: Buffer; files: ReturnType<typeof fileStoreFromEnv>; now: () => Date }) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { hmacKey } = await checkEncryptionKey(db, loadEncryptionKey(path.join(config.dataDir, 'keys')));
  const files = fileStoreFromEnv(path.join(config.dataDir, 'evidence'));
  try {
    return await work({ db, hmacKey, files, now: () => new Date() });
  } finally {
    await files.close();
  }
}

export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  summary: {
    id: 'Periksa rantai log audit berkunci terhadap titik periksanya dan laporkan mata rantai pertama yang rusak.',
    en: 'Check the keyed audit chain against its checkpoints and report the first broken link.',
  },
  description: {
    id: 'Setiap entri log audit dirantai dengan HMAC berkunci (kunci di luar basis data). Perintah ini menghitung ulang seluruh rantai, membandingkannya dengan titik periksa bertanda tangan terakhir (di penyimpanan berkas) dan dengan --checkpoint bila diberikan, lalu keluar dengan kode 1 bila ada entri yang diubah, dihapus, dipotong dari ujung atau ditulis ulang.',
    en: 'Every audit entry is chained with a keyed HMAC (the key is kept outside the database). This recomputes the whole chain, compares it with the latest signed checkpoint (in the file store) and with --checkpoint when given, and exits 1 when an entry was changed, removed, cut off the end or rewritten.',
  },
  arguments: [],
  options: {
    checkpoint: { type: 'string', valueName: 'file', description: { id: 'Titik periksa yang disimpan auditor (JSON dari netra audit checkpoint).', en: 'A checkpoint an auditor kept (JSON from netra audit checkpoint).' } },
  },
  async run({ db, options, print, language }) {
    const anchors: unknown[] = [];
    if (typeof options.checkpoint === 'string') {
      const text = fs.readFileSync(path.resolve(options.checkpoint), 'utf8');
      // The printed form ends with the JSON line; a plain JSON file is read whole.
      anchors.push(JSON.parse(text.trim().startsWith('{') ? text : text.trim().split('\n').at(-1)!));
    }
    const result = await withAuditContext(db, (ctx) => verifyAuditChain(ctx, { anchors }));
    if (result.ok) {
      const anchored = result.anchoredPosition === null ? '' : language === 'id' ? `, cocok dengan titik periksa mata rantai ${result.anchoredPosition} (${result.anchoredAt})` : `, matching the checkpoint at link ${result.anchoredPosition} (${result.anchoredAt})`;
      print(
        language === 'id'
          ? `Rantai audit utuh: ${result.count} entri, hash terakhir ${result.head.link}${anchored}.`
          : `Audit chain intact: ${result.count} entries, last hash ${result.head.link}${anchored}.`,
      );
      if (result.pending > 0) print(language === 'id' ? `${result.pending} entri baru belum dirantai (sedang diproses).` : `${result.pending} new entries not chained yet (in progress).`);
      return EXIT.ok;
    }
    const where = result.seq === null ? `${language === 'id' ? 'mata rantai' : 'link'} ${result.position}` : `${language === 'id' ? 'entri' : 'entry'} ${result.seq}`;
    print(
      language === 'id'
        ? `Rantai audit RUSAK pada ${where} (${result.reason}): ${result.message}`
        : `Audit chain BROKEN at ${where} (${result.reason}): ${result.message}`,
    );
    return EXIT.failed;
  },
};

export const auditCheckpointCommand: Command = {
  words: ['audit', 'checkpoint'],
  summary: {
    id: 'Cetak titik periksa bertanda tangan dari ujung rantai audit saat ini, untuk disimpan auditor.',
    en: 'Print a signed checkpoint of the audit chain head as it stands, for an auditor to keep.',
  },
  arguments: [],
  options: {
    out: { type: 'string', valueName: 'file', description: { id: 'Tulis JSON titik periksa ke berkas ini juga.', en: 'Also write the checkpoint JSON to this file.' } },
  },
  async run({ db, options, print, language }) {
    const cp = await withAuditContext(db, (ctx) => currentCheckpoint(ctx));
    if (!cp) {
      print(language === 'id' ? 'Log audit masih kosong.' : 'The audit log is still empty.');
      return EXIT.ok;
    }
    if (typeof options.out === 'string') fs.writeFileSync(path.resolve(options.out), `${JSON.stringify(cp, null, 2)}\n`);
    print(formatCheckpoint(cp, language));
    return EXIT.ok;
  },
};
