import { sweepObligationAlerts } from '../../capabilities/candidates/service.ts';
import { EXIT, type Command } from '../command.ts';

export const candidatesCheckCommand: Command = {
  words: ['candidates', 'check-obligations'],
  summary: {
    id: 'Periksa kewajiban semua calon ASN dan kirim peringatan yang terlewat ke BKPSDM dan Bawaslu (untuk jadwal harian).',
    en: "Check every ASN candidate's obligations and send the missed ones' alerts to BKPSDM and Bawaslu (for a daily schedule).",
  },
  arguments: [],
  async run({ db, language, print }) {
    const alerts = await sweepObligationAlerts(db, new Date());
    print(language === 'id' ? `${alerts} peringatan kewajiban calon ASN berlaku hari ini (pemberitahuan dikirim sekali per peringatan).` : `${alerts} ASN-candidate obligation alerts stand today (each notified once).`);
    return EXIT.ok;
  },
};
