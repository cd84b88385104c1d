/** /konsol/penapisan/impor: upload a JSONL/CSV of monitored posts, with progress and a result summary. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { DataTable, Field, Notice, Options, PageSection, StatCards, UploadProgress, useUpload } from '../../components/kit.ts';
import { useApi } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { commonMessages, useI18n, useMessages } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { defaultElection, type ElectionList, type ImportSummary } from './api.ts';
import { messages } from './messages.ts';
import './screening.css';

function Summary({ summary }: { summary: ImportSummary }) {
  const { language } = useI18n();
  const t = useMessages(messages);
  const figure = (label: string, value: number, bad = false) => ({ label, value: formatCount(value, language), tone: bad ? ('bad' as const) : undefined });
  const table = (title: string, lines: ImportSummary['rejectedLines'], testId: string) =>
    lines.length > 0 && (
      <>
        <h3>{title}</h3>
        <DataTable
          className="scr-table"
          scrollClassName="scr-scroll"
          testId={testId}
          rows={lines}
          rowKey={(l) => l.line}
          columns={[
            { key: 'line', header: t.line, cellClassName: 'mono', cell: (l) => l.line },
            { key: 'reason', header: t.reason, cell: (l) => l.reasons.map((r) => r.message).join(' ') },
          ]}
        />
      </>
    );
  return (
    <PageSection
      className="card"
      id="screening-import-summary"
      title={
        <>
          {t.summaryTitle}: {summary.fileName}
        </>
      }
    >
      <StatCards
        className="scr-summary"
        items={[
          figure(t.lines, summary.lines),
          figure(t.imported, summary.imported),
          figure(t.duplicates, summary.duplicates),
          figure(t.rejected, summary.rejected, summary.rejected > 0),
          figure(t.accountsCreated, summary.accountsCreated),
          figure(t.linkProposals, summary.linkProposals),
        ]}
      />
      {summary.truncated && (
        <p className="scr-alert" role="alert">
          {t.truncated}
        </p>
      )}
      {table(t.rejectedLines, summary.rejectedLines, 'rejected-lines')}
      {table(t.warnings, summary.warnings, 'import-warnings')}
      <p>
        <Link href="/konsol/penapisan">{t.toQueue}</Link>
      </p>
    </PageSection>
  );
}

export function ImportPage() {
  const { language } = useI18n();
  const t = { ...useMessages(commonMessages), ...useMessages(messages) };
  const session = useSession();
  const scope = session.user!.scope;
  const fileInput = useRef<HTMLInputElement>(null);
  const [elections] = useApi<ElectionList>('/elections', language);
  const [electionId, setElectionId] = useState('');
  const [regionCode, setRegionCode] = useState(scope.kind === 'region' ? scope.regionCode : '');
  const { progress, result: summary, errors, failure, upload } = useUpload<ImportSummary>('/screening/posts/import', t.chooseFile);

  useEffect(() => {
    if (elections.status === 'ready' && !electionId) setElectionId(defaultElection(elections.data.items));
  }, [elections, electionId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Fields before the file: the server reads them as the upload streams in.
    void upload(fileInput.current?.files?.[0], { electionId, regionCode: regionCode.trim() });
  };

  return (
    <>
      <h1>{t.importTitle}</h1>
      <p className="lead">{t.importLead}</p>
      <form className="card scr-form" onSubmit={submit} noValidate>
        <Field id="import-election" label={t.election}>
          <select value={electionId} onChange={(e) => setElectionId(e.target.value)}>
            <Options items={elections.status === 'ready' ? elections.data.items : []} />
          </select>
        </Field>
        <Field id="import-region" label={t.defaultRegion} error={errors.regionCode}>
          <input value={regionCode} onChange={(e) => setRegionCode(e.target.value)} placeholder="35.10" />
        </Field>
        <Field id="import-file" className="wide" label={t.file} error={errors.file}>
          <input ref={fileInput} type="file" accept=".jsonl,.ndjson,.json,.csv,text/csv,application/x-ndjson" />
        </Field>
        <div className="wide">
          <button type="submit" disabled={progress !== null}>
            {t.upload}
          </button>
        </div>
        {progress !== null && <UploadProgress className="scr-progress wide" fraction={progress} label={t.uploading} />}
        <Notice tone="error" className="scr-alert wide">{failure}</Notice>
      </form>
      {summary && <Summary summary={summary} />}
    </>
  );
}
