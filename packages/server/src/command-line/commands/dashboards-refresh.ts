import { refreshDashboards } from '../../capabilities/figures/refresh.ts';
import { EXIT, type Command } from '../command.ts';

/**
 * `netra dashboards refresh`: what the scheduled job does every five minutes, by hand — after a
 * national register import, for instance, when the coverage figures should move at once.
 */
export const dashboardsRefreshCommand: Command = {
  words: ['dashboards', 'refresh'],
  summary: {
    id: 'Perbarui angka dasbor dan halaman transparansi sekarang (seperti tugas terjadwal).',
    en: 'Refresh the dashboard and transparency figures now (as the scheduled job does).',
  },
  arguments: [],
  async run({ db, print, language }) {
    const result = await refreshDashboards(db);
    if (!result.refreshed) {
      print(language === 'id' ? 'Pembaruan lain sedang berjalan; angkanya akan sama baru.' : 'Another refresh is running; its figures will be as fresh.');
      return EXIT.ok;
    }
    const seconds = (result.durationMs / 1000).toFixed(1);
    print(language === 'id' ? `Angka dasbor diperbarui dalam ${seconds} dtk (data per ${result.refreshedAt!.toISOString()}).` : `Dashboard figures refreshed in ${seconds} s (data as of ${result.refreshedAt!.toISOString()}).`);
    return EXIT.ok;
  },
};
