import fs from 'node:fs';
import path from 'node:path';
import { dateInTimeZone, isRegionCode, NATIONAL_SCOPE, type Localised } from '@netra/core';
import { importPosts, type ImportProgress, type LineReport } from '../../capabilities/screening/importer.ts';
import { formatOf, readPostLines, type PostDraft } from '../../capabilities/screening/posts-file.ts';
import { candidateLabels } from '../../capabilities/screening/lexicon.service.ts';
import { scoreBatch } from '../../capabilities/screening/scoring.ts';
import { defaultElectionId } from '../../capabilities/screening/service.ts';
import type { Db } from '../../db/database.ts';
import { ApiError } from '../../http/errors.ts';
import type { Language } from '../../http/language.ts';
import { EXIT, type Command } from '../command.ts';

const BATCH = 1000;

/** "12.345 baris 8.120 baris/d", refreshed in place on a terminal, every 2 s in a log. */
function progressReporter(language: Language, progress: (line: string) => void) {
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  let last = 0;
  const locale = language === 'id' ? 'id-ID' : 'en-US';
  const words = language === 'id' ? { rows: 'baris', rate: 'baris/d', imported: 'diimpor', rejected: 'ditolak' } : { rows: 'rows', rate: 'rows/s', imported: 'imported', rejected: 'rejected' };
  const line = (rows: number, extra: string) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
    return `${rows.toLocaleString(locale)} ${words.rows} ${rate.toLocaleString(locale)} ${words.rate}${extra}`;
  };
  return {
    words,
    seconds: () => (performance.now() - started) / 1000,
    update(rows: number, extra = '') {
      if (tty) process.stderr.write(`\r${line(rows, extra)}\u001b[K`);
      else if (performance.now() - last > 2000) {
        last = performance.now();
        progress(line(rows, extra));
      }
    },
    done(rows: number, extra = '') {
      if (tty) process.stderr.write(`\r${line(rows, extra)}\u001b[K\n`);
      else progress(line(rows, extra));
    },
  };
}

function reportRejected(lines: readonly LineReport[], language: Language, progress: (line: string) => void) {
  const label = language === 'id' ? 'baris' : 'line';
  for (const { line, reasons } of lines) progress(`${label} ${line}: ${reasons.map((r) => r.message[language]).join(' ')}`);
}

/** Scores without storing: one JSON line per post, with the pairs named and why. */
async function scoreFile(db: Db, file: string, options: { election: string | null; region: string | null; out: string | null }, language: Language, print: (line: string) => void, progress: (line: string) => void) {
  const now = new Date();
  const fallbackElection = options.election ?? (await defaultElectionId(db, dateInTimeZone(now, 'Asia/Jakarta')));
  const output = options.out ? fs.createWriteStream(options.out) : null;
  const write = (line: string) => (output ? output.write(`${line}\n`) : print(line));
  const reporter = progressReporter(language, progress);
  const rejected: LineReport[] = [];
  let rows = 0;
  let scored = 0;
  let batch: PostDraft[] = [];
  const flush = async () => {
    const drafts = batch;
    batch = [];
    const usable = drafts.filter((d) => {
      if (d.electionId ?? fallbackElection) return true;
      rejected.push({ line: d.line, reasons: [{ code: 'missing_election', message: { id: 'Pemilihan tidak disebut; gunakan --election.', en: 'No election given; use --election.' } }] });
      return false;
    });
    // The monitor's file naming a NIP says the account is a civil servant's.
    const results = await scoreBatch(
      db,
      usable.map((d) => ({ text: d.text, kind: d.kind, asnLinked: d.asnNip !== null, electionId: (d.electionId ?? fallbackElection)!, regionCode: d.regionCode ?? options.region })),
      now,
    );
    const labels = await candidateLabels(db, results.flatMap((r) => r.candidatePairIds.slice(0, 3)));
    usable.forEach((d, i) => {
      const r = results[i];
      const reasons = r.reasons as Array<{ code: string; weight: number; id: string; en: string }>;
      write(
        JSON.stringify({
          line: d.line,
          platform: d.platform,
          handle: d.handle,
          url: d.url,
          kind: d.kind,
          electionId: d.electionId ?? fallbackElection,
          regionCode: d.regionCode ?? options.region,
          score: r.score,
          category: r.category,
          candidates: r.candidatePairIds.slice(0, 3).map((id) => ({ id, label: labels.get(id)?.label ?? id })),
          reasons: reasons.map((x) => ({ code: x.code, weight: x.weight, text: language === 'id' ? x.id : x.en })),
          highlights: (r.highlights as Array<{ start: number; end: number }>).map((s) => ({ ...s, text: d.text.slice(s.start, s.end) })),
        }),
      );
    });
    scored += usable.length;
  };
  for await (const line of readPostLines(fs.createReadStream(file), formatOf(file), now)) {
    rows += 1;
    if ('reasons' in line) rejected.push(line);
    else batch.push(line.draft);
    if (batch.length >= BATCH) await flush();
    reporter.update(rows);
  }
  await flush();
  if (output) await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())));
  reporter.done(rows);
  reportRejected(rejected.sort((a, b) => a.line - b.line), language, progress);
  const summary: Localised = {
    id: `${scored} unggahan dinilai, ${rejected.length} baris ditolak${options.out ? `; hasil di ${options.out}` : ''}.`,
    en: `${scored} posts scored, ${rejected.length} lines rejected${options.out ? `; results in ${options.out}` : ''}.`,
  };
  progress(summary[language]);
  return rejected.length > 0 ? EXIT.failed : EXIT.ok;
}

export const screenCommand: Command = {
  words: ['screen'],
  summary: {
    id: 'Nilai unggahan media sosial dari berkas JSONL/CSV (dan impor ke antrean dengan --import).',
    en: 'Score social-media posts from a JSONL/CSV file (and import them into the queue with --import).',
  },
  description: {
    id:
      'Satu unggahan per baris: platform, handle, url, text, postedAt, kind (post/comment/share/like/follow), mediaUrls, asnNip, displayName, ' +
      'agency, regionCode, electionId. Tanpa --import, setiap unggahan dinilai dengan leksikon pemilihan dan wilayahnya dan ditulis sebagai JSON per baris ' +
      '(ke stdout atau --out); kemajuan dan baris yang ditolak (dengan nomor baris dan alasannya) ke stderr. Dengan --import, unggahan disimpan ke antrean ' +
      'penapisan; impor ulang berkas yang sama tidak menggandakan unggahan.',
    en:
      'One post per line: platform, handle, url, text, postedAt, kind (post/comment/share/like/follow), mediaUrls, asnNip, displayName, agency, ' +
      "regionCode, electionId. Without --import, each post is scored with its election's and region's lexicon and written as one JSON line " +
      '(to stdout or --out); progress and rejected lines (with line number and reasons) go to stderr. With --import, posts are stored in the ' +
      'screening queue; importing the same file again adds no duplicates.',
  },
  arguments: [{ name: 'FILE', description: { id: 'Berkas .jsonl atau .csv.', en: 'A .jsonl or .csv file.' } }],
  options: {
    election: { type: 'string', valueName: 'ID', description: { id: 'Pemilihan untuk baris tanpa electionId (mis. pilkada-2024).', en: 'Election for lines without electionId (e.g. pilkada-2024).' } },
    region: { type: 'string', valueName: 'PP.KK', description: { id: 'Wilayah untuk baris tanpa regionCode.', en: 'Region for lines without regionCode.' } },
    out: { type: 'string', valueName: 'PATH', description: { id: 'Tulis hasil penilaian (JSONL) ke sini, bukan ke stdout.', en: 'Write the scored posts (JSONL) here instead of stdout.' } },
    import: { type: 'boolean', description: { id: 'Simpan unggahan ke antrean penapisan.', en: 'Store the posts in the screening queue.' } },
  },
  async run({ db, args: [file], options, language, print, progress }) {
    if (!fs.existsSync(file)) throw new ApiError(400, 'unreadable_file', { id: `Berkas ${file} tidak ditemukan.`, en: `File ${file} not found.` });
    const region = typeof options.region === 'string' ? options.region : null;
    if (region !== null && !isRegionCode(region)) throw new ApiError(400, 'bad_region', { id: `--region ${region} bukan kode Kemendagri.`, en: `--region ${region} is not a Kemendagri code.` });
    const election = typeof options.election === 'string' ? options.election : null;
    if (!options.import) return scoreFile(db, file, { election, region, out: typeof options.out === 'string' ? options.out : null }, language, print, progress);

    const reporter = progressReporter(language, progress);
    const extra = (p: ImportProgress) => `, ${p.imported.toLocaleString()} ${reporter.words.imported}, ${p.rejected.toLocaleString()} ${reporter.words.rejected}`;
    const summary = await importPosts(
      db,
      fs.createReadStream(file),
      formatOf(file),
      // The operator at the command line acts for the whole country, like the register import.
      { electionId: election, regionCode: region, actor: { userId: null, scope: NATIONAL_SCOPE }, now: new Date() },
      (p) => reporter.update(p.lines, extra(p)),
    );
    reporter.done(summary.lines, extra(summary));
    reportRejected(summary.rejectedLines, language, progress);
    reportRejected(summary.warnings, language, progress);
    const text: Localised = {
      id: `Ringkasan ${path.basename(file)}: ${summary.lines} baris; ${summary.imported} diimpor, ${summary.duplicates} sudah ada, ${summary.rejected} ditolak; ${summary.accountsCreated} akun baru, ${summary.linkProposals} usulan tautan ASN.`,
      en: `Summary of ${path.basename(file)}: ${summary.lines} lines; ${summary.imported} imported, ${summary.duplicates} already there, ${summary.rejected} rejected; ${summary.accountsCreated} new accounts, ${summary.linkProposals} ASN link proposals.`,
    };
    print(text[language]);
    return summary.rejected > 0 ? EXIT.failed : EXIT.ok;
  },
};
