import { isIsoDate } from '@netra/core';
import { runDeadlineSweep } from '../../capabilities/cases/sweep.ts';
import { EXIT, type Command } from '../command.ts';

/**
 * `netra deadlines sweep [--date YYYY-MM-DD]`: what the scheduled job does every 15 minutes, by
 * hand: recompute every open case's next deadline, send the reminders due, escalate what is
 * overdue. Safe to repeat: nothing is sent twice.
 */
export const deadlinesSweepCommand: Command = {
  words: ['deadlines', 'sweep'],
  summary: {
    id: 'Hitung ulang batas waktu perkara, kirim pengingat dan eskalasi (seperti tugas terjadwal).',
    en: 'Recompute case deadlines, send reminders and escalations (as the scheduled job does).',
  },
  description: {
    id: 'Tanpa --date, "hari ini" dihitung menurut zona waktu wilayah setiap perkara (WIB, WITA, WIT). Aman diulang: tidak ada notifikasi yang terkirim dua kali.',
    en: 'Without --date, "today" is each case\'s own region time zone date (WIB, WITA, WIT). Safe to repeat: no notification is sent twice.',
  },
  arguments: [],
  options: {
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: { id: 'Tanggal yang dipakai untuk semua perkara', en: 'The date to use for every case' } },
  },
  async run({ db, options, print, language }) {
    const date = typeof options.date === 'string' ? options.date : undefined;
    if (date !== undefined && !isIsoDate(date)) {
      print(language === 'id' ? `Tanggal tidak valid: ${date} (format TTTT-BB-HH).` : `Not a date: ${date} (format YYYY-MM-DD).`);
      return EXIT.usage;
    }
    const s = await runDeadlineSweep({ db, now: () => new Date() }, date);
    print(
      language === 'id'
        ? `${s.casesChecked} perkara diperiksa: ${s.deadlinesUpdated} batas waktu diperbarui, ${s.reminders} pengingat, ${s.escalations} eskalasi, ${s.siasnFlags} rekomendasi blokir SIASN.`
        : `${s.casesChecked} cases checked: ${s.deadlinesUpdated} deadlines updated, ${s.reminders} reminders, ${s.escalations} escalations, ${s.siasnFlags} SIASN block recommendations.`,
    );
    return EXIT.ok;
  },
};
