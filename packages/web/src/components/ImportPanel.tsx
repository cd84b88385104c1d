/**
 * Uploading a CSV or XLSX file to an import endpoint, with progress.
 *
 * - `useUpload` does the work for a page with its own form (extra fields, its own summary): the
 *   multipart request with the session's CSRF token, the upload fraction, the server's answer,
 *   and its field errors or message.
 * - `UploadProgress` is the bar while the file travels.
 * - `ImportPanel` is the whole panel for the console's small imports (a file, an optional
 *   template, the server's summary drawn by the page), optionally folded under a title.
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { apiUpload, ApiRequestError, fieldErrors } from '../lib/api.ts';
import { commonMessages, useI18n, useMessages } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { kitMessages } from './messages.ts';
import './kit.css';

export interface Upload<Result> {
  /** 0..1 while the file travels, else null. */
  progress: number | null;
  /** The server's answer to the last upload. */
  result: Result | null;
  /** Messages by field (`file` for the file itself). */
  errors: Record<string, string>;
  /** A message for the whole form, when the server named no field. */
  failure: string | null;
  /**
   * Sends `file` with `fields` before it (the server reads them as the upload streams in); a
   * missing file is refused next to the file field with `missingFile`. Resolves to the answer, or
   * null when refused.
   */
  upload(file: File | null | undefined, fields?: Record<string, string>): Promise<Result | null>;
}

export function useUpload<Result>(endpoint: string, missingFile: string): Upload<Result> {
  const { language } = useI18n();
  const common = useMessages(commonMessages);
  const session = useSession();
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function upload(file: File | null | undefined, fields: Record<string, string> = {}): Promise<Result | null> {
    setFailure(null);
    if (!file) {
      setErrors({ file: missingFile });
      return null;
    }
    setErrors({});
    setResult(null);
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file);
    setProgress(0);
    try {
      const answer = await apiUpload<Result>(endpoint, form, language, { csrfToken: session.csrfToken, onProgress: setProgress });
      setResult(answer);
      return answer;
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFailure(error instanceof ApiRequestError ? error.message : common.loadError);
      return null;
    } finally {
      setProgress(null);
    }
  }

  return { progress, result, errors, failure, upload };
}

/** The upload bar with what is happening in words (a live status, so it is announced). */
export function UploadProgress({ fraction, label, className = 'kit-progress' }: { fraction: number; label: ReactNode; className?: string }) {
  return (
    <div className={className} role="status" aria-live="polite">
      <span>{label}</span>
      <progress max={1} value={fraction} />
    </div>
  );
}

export interface ImportPanelProps<Result> {
  endpoint: string;
  /** The file input's id (unique on the page). */
  inputId: string;
  fileLabel: ReactNode;
  /** Accepted file types (default: CSV). */
  accept?: string;
  /** Folds the panel into a <details> card under `title` (default "Import from CSV"). */
  folded?: boolean;
  title?: ReactNode;
  /** A line above the form saying what the file holds. */
  help?: ReactNode;
  /** Where the CSV template is downloaded from. */
  templateHref?: string;
  submitLabel?: ReactNode;
  /** Said when no file is chosen (default: "Choose a CSV file."). */
  missingFile?: string;
  onDone(result: Result): void;
  /** Draws the server's summary of an import. */
  children(result: Result): ReactNode;
}

export function ImportPanel<Result>({ endpoint, inputId, fileLabel, accept = '.csv,text/csv', folded = false, title, help, templateHref, submitLabel, missingFile, onDone, children }: ImportPanelProps<Result>) {
  const t = useMessages(kitMessages);
  const file = useRef<HTMLInputElement>(null);
  const { progress, result, errors, failure, upload } = useUpload<Result>(endpoint, missingFile ?? t.chooseFile);
  const message = errors.file ?? failure ?? Object.values(errors)[0];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await upload(file.current?.files?.[0]);
    if (answer) onDone(answer);
  }

  const panel = (
    <form className="kit-import" onSubmit={submit} noValidate>
      {help && <p className="hint">{help}</p>}
      <div className="kit-import-row">
        <label htmlFor={inputId}>{fileLabel}</label>
        <input id={inputId} ref={file} type="file" accept={accept} aria-invalid={errors.file ? true : undefined} />
        <button type="submit" disabled={progress !== null}>
          {progress !== null ? t.uploading(Math.round(progress * 100)) : (submitLabel ?? t.import)}
        </button>
        {templateHref && (
          <a href={templateHref} download>
            {t.template}
          </a>
        )}
      </div>
      {progress !== null && <progress className="kit-import-bar" max={1} value={progress} aria-label={t.uploading(Math.round(progress * 100))} />}
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      {result && <div role="status">{children(result)}</div>}
    </form>
  );
  if (!folded) return panel;
  return (
    <details className="card kit-details">
      <summary>{title ?? t.importTitle}</summary>
      {panel}
    </details>
  );
}

/** The summary the server gives for a row import (candidate pairs, rotations): counts and each refused line. */
export interface RowImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: Array<{ line: number; status: string; reasons?: Array<{ column: string; message: string }> }>;
}

/** Counts, then every refused line with its reasons. */
export function RowImportResult({ summary }: { summary: RowImportSummary }) {
  const t = useMessages(kitMessages);
  return (
    <>
      <p>{t.importSummary(summary.inserted, summary.updated, summary.unchanged, summary.rejected)}</p>
      <ul>
        {summary.rows
          .filter((r) => r.status === 'rejected')
          .map((r) => (
            <li key={r.line}>
              {t.line} {r.line}: {r.reasons?.map((x) => `${x.column}: ${x.message}`).join('; ')}
            </li>
          ))}
      </ul>
    </>
  );
}
