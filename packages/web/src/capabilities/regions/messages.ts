import { defineMessages } from '../../lib/i18n.tsx';

export const messages = defineMessages({
  id: {
    reportCta: 'Melihat ASN berpihak? Laporkan — boleh tanpa nama.',
    reportButton: 'Buat laporan',
    transparencyCta: 'Berapa laporan dan pelanggaran terbukti di wilayah Anda? Lihat angka publiknya.',
    transparencyButton: 'Lihat angka publik',
    heroTitle: 'Di tahap apa pemilihan di daerah Anda?',
    heroText: 'Pilih provinsi atau kabupaten/kota untuk melihat jadwal pemilihan, tahap yang sedang berjalan, dan tahap rawan pelanggaran netralitas ASN.',
    searchLabel: 'Cari provinsi atau kabupaten/kota',
    searchPlaceholder: 'Contoh: Banyuwangi',
    searchHint: 'Ketik minimal 2 huruf.',
    searching: 'Mencari …',
    noResults: 'Tidak ada wilayah dengan nama itu. Periksa ejaannya atau coba nama lain.',
  },
  en: {
    reportCta: 'Seen a civil servant taking sides? Report it — anonymously if you wish.',
    reportButton: 'File a report',
    transparencyCta: 'How many reports and proven violations in your region? See the public figures.',
    transparencyButton: 'See the public figures',
    heroTitle: 'Which stage is the election in your region at?',
    heroText: 'Pick a province or regency/city to see its election schedule, the stage under way, and the stages most at risk of civil-servant neutrality violations.',
    searchLabel: 'Search a province or regency/city',
    searchPlaceholder: 'e.g. Banyuwangi',
    searchHint: 'Type at least 2 letters.',
    searching: 'Searching …',
    noResults: 'No region has that name. Check the spelling or try another name.',
  },
});
