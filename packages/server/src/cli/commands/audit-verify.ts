import { verifyAuditChain } from '../../capabilities/audit/service.ts';
import { EXIT, type Command } from '../command.ts';

/** `netra audit verify`: walk the whole hash chain and name the first broken link. */
export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  summary: {
    id: 'Periksa rantai hash log audit dan laporkan mata rantai pertama yang rusak.',
    en: 'Check the audit log hash chain and report the first broken link.',
  },
  description: {
    id: 'Setiap entri log audit memuat hash entri sebelumnya. Perintah ini menghitung ulang seluruh rantai, halaman demi halaman, dan keluar dengan kode 1 bila ada entri yang diubah, dihapus atau dipindah.',
    en: 'Each audit entry carries the hash of the previous one. This recomputes the whole chain, page by page, and exits 1 when an entry was changed, removed or moved.',
  },
  arguments: [],
  async run({ db, print, language }) {
    const result = await verifyAuditChain(db);
    if (result.ok) {
      print(
        language === 'id'
          ? `Rantai audit utuh: ${result.count} entri, hash terakhir ${result.last.hash}.`
          : `Audit chain intact: ${result.count} entries, last hash ${result.last.hash}.`,
      );
      return EXIT.ok;
    }
    print(
      language === 'id'
        ? `Rantai audit RUSAK pada entri ${result.firstBrokenSeq} (${result.reason}): ${result.message}`
        : `Audit chain BROKEN at entry ${result.firstBrokenSeq} (${result.reason}): ${result.message}`,
    );
    return EXIT.failed;
  },
};
