/**
 * /lapor: the public report form, built for a slow phone and no signal. It is its own light
 * entry (public-report/main.tsx: Preact in React's clothes, no console code) and works offline
 * through the service worker: the page opens, the draft (text and photos) stays on the device,
 * and a report sent without a connection goes out when the connection returns. Every field's
 * rule is checked as it is typed (core's rules, the server's own); errors the server still finds
 * appear next to their fields, all at once.
 */
import { useEffect } from 'react';
import { commonMessages, useMessages } from '../../lib/i18n.tsx';
import type { Receipt } from './api.ts';
import { messages } from './messages.ts';
import { ReceiptCard } from './ReceiptCard.tsx';
import { ReportForm, useReportSubmission } from './ReportForm.tsx';
import './reports.css';

/** The region a "report in this region" link asks for (/lapor?wilayah=35.10&nama=…). */
function regionFromAddress(): { regionCode: string; regionName: string } | null {
  const params = new URLSearchParams(location.search);
  const code = params.get('wilayah');
  return code && /^\d{2}(\.\d{2})?$/.test(code) ? { regionCode: code, regionName: params.get('nama') ?? code } : null;
}

export function ReportFormPage() {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const form = useReportSubmission<Receipt>({
    mode: 'public',
    endpoint: '/reports',
    storageKey: 'netra.report.draft',
    onSent: () => scrollTo({ top: 0 }),
  });
  const { info, draft, update, receipt, windowStatus, state } = form;

  useEffect(() => {
    if (info.status === 'ready' && state.loaded && !draft.electionId && info.data.elections[0]) update({ electionId: info.data.elections[0].id });
  }, [info, state.loaded, draft.electionId, update]);
  useEffect(() => {
    const region = regionFromAddress();
    if (state.loaded && region && !draft.regionCode) update(region);
    // Only once the stored draft is known: a draft's own region wins.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.loaded]);

  if (receipt) {
    return (
      <section className="report-page">
        <ReceiptCard receipt={receipt} />
        <button type="button" className="secondary" onClick={() => form.setReceipt(null)}>
          {t.newReport}
        </button>
      </section>
    );
  }

  return (
    <section className="report-page">
      <h1>{t.formTitle}</h1>
      <p className="lead">{t.formLead}</p>
      {!form.online && (
        <p className="alert offline" role="status">
          {t.offlineNote}
        </p>
      )}
      <ReportForm form={form} submitLabel={t.submit} after={windowStatus && !windowStatus.withinWindow && <p className="late-reminder">⚠ {t.windowLate}</p>} />
    </section>
  );
}
