/**
 * /konsol/laporan/baru: a Bawaslu officer records a finding (temuan) or a report received on
 * paper, with the public form's fields; a paper reporter gets a receipt and secret to follow it.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { LoadError } from '../../../components/LoadError.tsx';
import { apiUpload, ApiRequestError, fieldErrors, useApi } from '../../../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../../../lib/i18n.tsx';
import { useSession } from '../../../lib/session.tsx';
import type { FormInfo, IntakeReceipt } from '../api.ts';
import { messages } from '../messages.ts';
import { ReceiptCard } from '../ReceiptCard.tsx';
import { draftToFormData, InputField, ReportFields, useDraft } from '../ReportFields.tsx';
import { focusFirstError, missingRequired, useReportWindow, WindowNotice } from '../ReportFormPage.tsx';
import '../reports.css';

export function IntakePage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const [info, reload] = useApi<FormInfo>('/reports/form', language);
  const [draft, update, reset] = useDraft('netra.intake.draft');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [receipt, setReceipt] = useState<IntakeReceipt | null>(null);
  const windowStatus = useReportWindow(draft, language);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingRequired(draft, t, draft.source === 'paper');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setProblem(t.fixFields);
      focusFirstError();
      return;
    }
    setErrors({});
    setProblem(null);
    setProgress(0);
    try {
      const result = await apiUpload<IntakeReceipt>('/intake/reports', draftToFormData(draft, files, 'intake'), language, {
        csrfToken: session.csrfToken,
        onProgress: setProgress,
        headers: { 'idempotency-key': draft.idempotencyKey },
      });
      setReceipt(result);
      reset();
      setFiles([]);
    } catch (error) {
      if (error instanceof ApiRequestError && error.status !== 0) {
        setErrors(fieldErrors(error));
        setProblem(error.body?.error.message ?? t.loadError);
        focusFirstError();
      } else setProblem(t.networkError);
    } finally {
      setProgress(null);
    }
  }

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
      {info.status === 'loading' && <p className="muted">{t.loading}</p>}
      {info.status === 'error' && <LoadError error={info.error} onRetry={reload} />}
      {info.status === 'ready' && (
        <form onSubmit={submit} noValidate className="report-form">
          {problem && (
            <div className="alert" role="alert">
              {problem}
            </div>
          )}
          <fieldset className="report-section card">
            <legend>{t.intakeSource}</legend>
            <label className="inline">
              <input type="radio" name="source" checked={draft.source === 'finding'} onChange={() => update({ source: 'finding' })} /> {t.sourceFinding}
            </label>
            <label className="inline">
              <input type="radio" name="source" checked={draft.source === 'paper'} onChange={() => update({ source: 'paper' })} /> {t.sourcePaper}
            </label>
            {draft.source === 'paper' && (
              <InputField name="receivedOn" label={t.intakeReceivedOn} type="date" max={info.data.today} value={draft.receivedOn} onChange={(receivedOn) => update({ receivedOn })} error={errors.receivedOn} />
            )}
          </fieldset>
          <ReportFields mode="intake" info={info.data} draft={draft} update={update} errors={errors} files={files} setFiles={setFiles} windowNotice={<WindowNotice status={windowStatus} />} />
          {progress !== null && (
            <div className="upload-progress">
              <progress max={1} value={progress} aria-label={t.uploadProgress(Math.round(progress * 100))} />
              <span>{t.uploadProgress(Math.round(progress * 100))}</span>
            </div>
          )}
          <button type="submit" className="submit" disabled={progress !== null}>
            {progress !== null ? t.sending : t.record}
          </button>
        </form>
      )}
    </div>
  );
}
