/**
 * /lapor: the public report form, built for a slow phone. One page in five short steps; the
 * draft survives a reload or a refused submission; uploads show their progress; errors appear
 * next to the field they concern, in the user's language, straight from the API.
 */
import { useEffect } from 'react';
import { commonMessages, useMessages } from '../../lib/i18n.tsx';
import type { Receipt } from './api.ts';
import { messages } from './messages.ts';
import { ReceiptCard } from './ReceiptCard.tsx';
import { ReportForm, useReportSubmission } from './ReportForm.tsx';
import './reports.css';

export function ReportFormPage() {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const form = useReportSubmission<Receipt>({
    mode: 'public',
    endpoint: '/reports',
    storageKey: 'netra.report.draft',
    identityAsked: () => true,
    onSent: () => scrollTo({ top: 0 }),
  });
  const { info, draft, update, receipt, windowStatus } = form;

  useEffect(() => {
    if (info.status === 'ready' && !draft.electionId && info.data.elections[0]) update({ electionId: info.data.elections[0].id });
  }, [info, draft.electionId, update]);

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
      <ReportForm form={form} submitLabel={t.submit} after={windowStatus && !windowStatus.withinWindow && <p className="late-reminder">⚠ {t.windowLate}</p>} />
    </section>
  );
}
