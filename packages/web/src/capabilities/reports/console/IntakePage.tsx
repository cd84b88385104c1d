/**
 * /konsol/laporan/baru: a Bawaslu officer records a finding (temuan) or a report received on
 * paper, with the public form's fields (the official form's: witnesses, and the reporter's
 * particulars as the paper gives them); a paper reporter gets a receipt and secret to follow it.
 */
import { Link } from 'wouter';
import { commonMessages, useMessages } from '../../../lib/i18n.tsx';
import { useSession } from '../../../lib/session.tsx';
import type { IntakeReceipt } from '../api.ts';
import { messages } from '../messages.ts';
import { ReceiptCard } from '../ReceiptCard.tsx';
import { InputField } from '../ReportFields.tsx';
import { ReportForm, useReportSubmission } from '../ReportForm.tsx';
import '../reports.css';

export function IntakePage() {
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const form = useReportSubmission<IntakeReceipt>({
    mode: 'intake',
    endpoint: '/intake/reports',
    storageKey: 'netra.intake.draft',
    csrfToken: session.csrfToken,
  });
  const { draft, update, errors, touch, receipt, setReceipt } = form;

  if (receipt) {
    return (
      <div className="report-console">
        <h1>{t.recorded}</h1>
        <ReceiptCard
          receipt={receipt}
          extra={
            <>
              {receipt.secret && <p className="hint">{t.paperSecretNote}</p>}
              <p>
                <Link href={`/konsol/laporan/${receipt.reportId}`}>{t.openReport}</Link>
              </p>
            </>
          }
        />
        <button type="button" className="secondary" onClick={() => setReceipt(null)}>
          {t.newReport}
        </button>
      </div>
    );
  }

  return (
    <div className="report-console">
      <h1>{t.intakeTitle}</h1>
      <p className="lead">{t.intakeLead}</p>
      <ReportForm
        form={form}
        submitLabel={t.record}
        before={(info) => (
          <fieldset className="report-section card">
            <legend>{t.intakeSource}</legend>
            <label className="inline">
              <input type="radio" name="source" checked={draft.source === 'finding'} onChange={() => update({ source: 'finding' })} /> {t.sourceFinding}
            </label>
            <label className="inline">
              <input type="radio" name="source" checked={draft.source === 'paper'} onChange={() => update({ source: 'paper' })} /> {t.sourcePaper}
            </label>
            {draft.source === 'paper' && (
              <InputField name="receivedOn" label={t.intakeReceivedOn} type="date" max={info.today} value={draft.receivedOn} onChange={(receivedOn) => update({ receivedOn })} onBlur={() => touch('receivedOn')} error={errors.receivedOn} />
            )}
          </fieldset>
        )}
      />
    </div>
  );
}
