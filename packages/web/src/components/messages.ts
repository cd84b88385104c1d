/** Words the console kit itself shows (pages bring their own labels for everything else). */
import { defineMessages } from '../lib/i18n.tsx';

export const kitMessages = defineMessages({
  id: {
    previous: 'Sebelumnya',
    next: 'Berikutnya',
    page: (page: number, pages: number) => `Halaman ${page} dari ${pages}`,
    range: (from: number, to: number, total: number) => `${from}–${to} dari ${total}`,
    sortBy: (column: string) => `Urutkan menurut ${column}`,
    importTitle: 'Impor dari CSV',
    import: 'Impor',
    uploading: (percent: number) => `Mengunggah … ${percent}%`,
    template: 'Unduh templat CSV',
    chooseFile: 'Pilih berkas CSV.',
    line: 'Baris',
    importSummary: (i: number, u: number, s: number, r: number) => `${i} ditambahkan, ${u} diperbarui, ${s} tidak berubah, ${r} ditolak.`,
    cancel: 'Batal',
  },
  en: {
    previous: 'Previous',
    next: 'Next',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    range: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
    sortBy: (column: string) => `Sort by ${column}`,
    importTitle: 'Import from CSV',
    import: 'Import',
    uploading: (percent: number) => `Uploading … ${percent}%`,
    template: 'Download the CSV template',
    chooseFile: 'Choose a CSV file.',
    line: 'Line',
    importSummary: (i: number, u: number, s: number, r: number) => `${i} inserted, ${u} updated, ${s} unchanged, ${r} rejected.`,
    cancel: 'Cancel',
  },
});
