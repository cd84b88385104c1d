/**
 * Bahasa Indonesia by default, English on request. Each capability keeps its own messages
 * (`capabilities/<name>/messages.ts`, made with `defineMessages`); the English side must have
 * every key the Indonesian side has, so a missing translation is a type error, not a blank label.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export type Language = 'id' | 'en';

export function defineMessages<T>(messages: { id: T; en: NoInfer<T> }): { id: T; en: T } {
  return messages;
}

/** Messages every page uses: navigation, loading, errors, region levels. */
export const commonMessages = defineMessages({
  id: {
    tagline: 'Menjaga netralitas ASN sepanjang pemilu dan pilkada',
    navHome: 'Beranda',
    navReport: 'Lapor pelanggaran',
    navTrack: 'Lacak laporan',
    navTransparency: 'Angka publik',
    navNip: 'Cek NIP',
    navApi: 'API',
    navConsole: 'Konsol',
    navSignIn: 'Masuk petugas',
    switchLanguage: 'English',
    loading: 'Memuat …',
    loadError: 'Data tidak dapat dimuat. Periksa koneksi lalu coba lagi.',
    retry: 'Coba lagi',
    province: 'Provinsi',
    regency: 'Kabupaten/Kota',
    district: 'Kecamatan',
    notFoundTitle: 'Halaman tidak ditemukan',
    notFoundText: 'Alamat ini tidak ada di Netra.',
    footer: 'Netra adalah perangkat lunak sumber terbuka. Data wilayah: Kemendagri (idn-area-data, ODbL). Jadwal: PKPU.',
  },
  en: {
    tagline: "Keeping Indonesia's civil servants neutral through every election",
    navHome: 'Home',
    navReport: 'Report a violation',
    navTrack: 'Track a report',
    navTransparency: 'Public figures',
    navNip: 'Check NIP',
    navApi: 'API',
    navConsole: 'Console',
    navSignIn: 'Staff sign-in',
    switchLanguage: 'Bahasa Indonesia',
    loading: 'Loading …',
    loadError: 'The data could not be loaded. Check your connection and try again.',
    retry: 'Try again',
    province: 'Province',
    regency: 'Regency/City',
    district: 'District',
    notFoundTitle: 'Page not found',
    notFoundText: 'This address does not exist in Netra.',
    footer: 'Netra is open-source software. Region data: Kemendagri (idn-area-data, ODbL). Schedules: PKPU.',
  },
});

const LanguageContext = createContext<{ language: Language; setLanguage(l: Language): void }>({
  language: 'id',
  setLanguage: () => {},
});

const STORAGE_KEY = 'netra.language';

export function LanguageProvider({ children }: { children: ReactNode }) {
  // ?lang=en (or id) in the address wins, so a shared English link opens in English.
  const [language, setLanguage] = useState<Language>(() => {
    const asked = new URLSearchParams(location.search).get('lang');
    if (asked === 'en' || asked === 'id') return asked;
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  });
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
  }, [language]);
  return <LanguageContext.Provider value={{ language, setLanguage }}>{children}</LanguageContext.Provider>;
}

export const useI18n = () => useContext(LanguageContext);

/** The messages of a capability in the current language. */
export function useMessages<T>(messages: { id: T; en: T }): T {
  return messages[useI18n().language];
}
