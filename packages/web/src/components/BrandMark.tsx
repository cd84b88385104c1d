/**
 * The masthead's pieces shared by the full site (Layout, with the router) and the light public
 * report page (PublicShell, without it): the brand mark and the language switch.
 */
import { commonMessages, useI18n, useMessages } from '../lib/i18n.tsx';

export function BrandMark() {
  const t = useMessages(commonMessages);
  return (
    <>
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <circle cx="16" cy="16" r="14" fill="currentColor" />
        <circle cx="16" cy="16" r="6" fill="white" />
      </svg>
      <span>
        <strong>Netra</strong>
        <small>{t.tagline}</small>
      </span>
    </>
  );
}

export function LanguageSwitch() {
  const { language, setLanguage } = useI18n();
  const t = useMessages(commonMessages);
  return (
    <button type="button" className="link-button" onClick={() => setLanguage(language === 'id' ? 'en' : 'id')} lang={language === 'id' ? 'en' : 'id'}>
      {t.switchLanguage}
    </button>
  );
}
