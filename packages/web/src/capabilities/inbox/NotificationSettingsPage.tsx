/** /konsol/pengaturan-pemberitahuan: which notifications also come by e-mail (my own settings). */
import { useEffect, useState, type FormEvent } from 'react';
import { Loaded, Notice, PageSection, useFormSubmit } from '../../components/kit.ts';
import { apiSend, useApi, type ApiResponse } from '../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { messages } from './messages.ts';

type Settings = ApiResponse<'/notifications/settings'>;

function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved(): void }) {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [assigned, setAssigned] = useState(settings.emailAssigned);
  const [deadlines, setDeadlines] = useState(settings.emailDeadlines);
  const [saved, setSaved] = useState(false);
  const { busy, failure, run } = useFormSubmit();
  useEffect(() => setSaved(false), [assigned, deadlines]);
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiSend('PUT', '/notifications/settings', { emailAssigned: assigned, emailDeadlines: deadlines }, language, session.csrfToken);
      setSaved(true);
      onSaved();
    });
  };
  return (
    <form className="form" onSubmit={save} data-testid="notification-settings">
      <p className="muted">{t.emailTo(settings.email)}</p>
      {!settings.smtpConfigured && <p className="warning">{t.noSmtp}</p>}
      <label className="checkbox">
        <input type="checkbox" name="emailAssigned" checked={assigned} onChange={(e) => setAssigned(e.target.checked)} /> {t.emailAssigned}
      </label>
      <label className="checkbox">
        <input type="checkbox" name="emailDeadlines" checked={deadlines} onChange={(e) => setDeadlines(e.target.checked)} /> {t.emailDeadlines}
      </label>
      <Notice tone="error">{failure}</Notice>
      {saved && <Notice>{t.saved}</Notice>}
      <button type="submit" disabled={busy}>
        {t.save}
      </button>
    </form>
  );
}

export function NotificationSettingsPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const [state, reload] = useApi<Settings>('/notifications/settings', language);
  return (
    <div>
      <h1>{t.settingsTitle}</h1>
      <p className="lead">{t.settingsLead}</p>
      <PageSection title={t.settingsTitle} className="card">
        <Loaded state={state} onRetry={reload}>
          {(settings) => <SettingsForm settings={settings} onSaved={reload} />}
        </Loaded>
      </PageSection>
    </div>
  );
}
