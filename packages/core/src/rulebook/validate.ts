/**
 * Checks on an edited rulebook and an election's stages beyond their shape (the server's schema
 * checks types): ranges of days, recipient periods that neither overlap nor leave a gap, one entry
 * per act of the matrix, days off that are real dates, stages inside a sensible order. Each problem
 * names its field, in Bahasa Indonesia and English.
 */
import { DISCIPLINE_LEVELS, ACT_CODES } from '../sanctions/matrix.ts';
import type { DeadlineRule, ElectionStage, Localised } from '../elections/types.ts';
import { addDays, isIsoDate, type IsoDate } from '../time/iso-date.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import type { ElectionRulebook } from './types.ts';

export interface RuleProblem {
  field: string;
  message: Localised;
}

/** The rulebook's deadlines, by field, with their allowed number of days. */
export const DEADLINE_FIELDS = [
  'reportWindow',
  'initialReview',
  'review',
  'reviewExtension',
  'moreInformation',
  'bknVerification',
  'ppkFollowUp',
] as const satisfies ReadonlyArray<keyof ElectionRulebook>;
export type DeadlineField = (typeof DEADLINE_FIELDS)[number];

const MAX_DEADLINE_DAYS = 90;
const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;

function checkDeadline(field: string, rule: DeadlineRule, problems: RuleProblem[]) {
  if (!Number.isInteger(rule.days) || rule.days < 1 || rule.days > MAX_DEADLINE_DAYS) {
    problems.push({
      field: `${field}.days`,
      message: { id: `Jumlah hari harus bilangan bulat 1–${MAX_DEADLINE_DAYS}.`, en: `Days must be a whole number from 1 to ${MAX_DEADLINE_DAYS}.` },
    });
  }
  if (rule.basis.trim().length < 3) {
    problems.push({ field: `${field}.basis`, message: { id: 'Sebutkan dasar hukumnya.', en: 'Name its legal basis.' } });
  }
}

export function validateRulebook(rulebook: ElectionRulebook): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const field of DEADLINE_FIELDS) {
    const rule = rulebook[field];
    if (rule) checkDeadline(field, rule, problems);
  }

  const periods = [...rulebook.recommendationRecipients].map((p, index) => ({ ...p, index }));
  if (periods.length === 0) {
    problems.push({
      field: 'recommendationRecipients',
      message: { id: 'Sebutkan paling sedikit satu penerima rekomendasi.', en: 'Name at least one recipient of recommendations.' },
    });
  }
  for (const p of periods) {
    for (const [key, value] of [['from', p.from], ['to', p.to]] as const) {
      if (value !== null && !isIsoDate(value)) {
        problems.push({ field: `recommendationRecipients.${p.index}.${key}`, message: { id: 'Tanggal harus YYYY-MM-DD.', en: 'The date must be YYYY-MM-DD.' } });
      }
    }
    if (p.from && p.to && isIsoDate(p.from) && isIsoDate(p.to) && p.from > p.to) {
      problems.push({ field: `recommendationRecipients.${p.index}.to`, message: { id: 'Tanggal akhir sebelum tanggal mulai.', en: 'The end is before the start.' } });
    }
  }
  const sorted = periods.filter((p) => (p.from === null || isIsoDate(p.from)) && (p.to === null || isIsoDate(p.to))).sort((a, b) => (a.from ?? '') .localeCompare(b.from ?? ''));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (previous.to === null || current.from === null || current.from <= previous.to) {
      problems.push({
        field: `recommendationRecipients.${current.index}.from`,
        message: { id: 'Periode penerima tumpang tindih dengan periode lain.', en: 'This recipient period overlaps another.' },
      });
    } else if (addDays(previous.to, 1) !== current.from) {
      problems.push({
        field: `recommendationRecipients.${current.index}.from`,
        message: {
          id: `Ada tanggal tanpa penerima: ${addDays(previous.to, 1)} sampai ${addDays(current.from, -1)}.`,
          en: `Dates without a recipient: ${addDays(previous.to, 1)} to ${addDays(current.from, -1)}.`,
        },
      });
    }
  }

  const seenDays = new Set<IsoDate>();
  rulebook.extraNonWorkingDays.forEach((day, index) => {
    if (!isIsoDate(day.date)) {
      problems.push({ field: `extraNonWorkingDays.${index}.date`, message: { id: 'Tanggal harus YYYY-MM-DD.', en: 'The date must be YYYY-MM-DD.' } });
    } else if (seenDays.has(day.date)) {
      problems.push({ field: `extraNonWorkingDays.${index}.date`, message: { id: `Tanggal ${day.date} tercantum dua kali.`, en: `${day.date} is listed twice.` } });
    }
    seenDays.add(day.date);
    if (day.reason.trim().length < 3) {
      problems.push({ field: `extraNonWorkingDays.${index}.reason`, message: { id: 'Sebutkan alasannya.', en: 'Give the reason.' } });
    }
  });

  if (rulebook.receptionHours) {
    const { from, to } = rulebook.receptionHours;
    if (!HOUR.test(from) || !HOUR.test(to) || from >= to) {
      problems.push({ field: 'receptionHours', message: { id: 'Jam layanan harus HH:MM dengan jam buka sebelum jam tutup.', en: 'Reception hours must be HH:MM, opening before closing.' } });
    }
  }

  if (rulebook.sanctionMatrix) {
    const codes = rulebook.sanctionMatrix.acts.map((a) => a.code);
    const missing = ACT_CODES.filter((code) => !codes.includes(code));
    const repeated = codes.filter((code, i) => codes.indexOf(code) !== i);
    if (missing.length > 0 || repeated.length > 0 || codes.length !== ACT_CODES.length) {
      problems.push({
        field: 'sanctionMatrix.acts',
        message: {
          id: `Matriks harus memuat setiap perbuatan ${ACT_CODES[0]}–${ACT_CODES.at(-1)} tepat sekali${missing.length ? ` (kurang: ${missing.join(', ')})` : ''}.`,
          en: `The matrix must list each act ${ACT_CODES[0]}–${ACT_CODES.at(-1)} exactly once${missing.length ? ` (missing: ${missing.join(', ')})` : ''}.`,
        },
      });
    }
    rulebook.sanctionMatrix.acts.forEach((act, index) => {
      if (!DISCIPLINE_LEVELS.includes(act.discipline)) {
        problems.push({ field: `sanctionMatrix.acts.${index}.discipline`, message: { id: 'Tingkat hukuman tidak dikenal.', en: 'Unknown penalty level.' } });
      }
      if (act.unsure && act.unsure.alternative === act.discipline) {
        problems.push({
          field: `sanctionMatrix.acts.${index}.unsure`,
          message: { id: 'Bacaan lain harus berbeda dari tingkat yang dipakai.', en: 'The other reading must differ from the level used.' },
        });
      }
      if (act.basis.trim().length < 3) {
        problems.push({ field: `sanctionMatrix.acts.${index}.basis`, message: { id: 'Sebutkan dasar hukumnya.', en: 'Name its legal basis.' } });
      }
    });
  }

  if (rulebook.candidacy) {
    const { resignation, bknProcessing, dueSoonDays } = rulebook.candidacy;
    const range = (field: string, value: number, min: number, max: number) => {
      if (!Number.isInteger(value) || value < min || value > max) {
        problems.push({ field, message: { id: `Harus bilangan bulat ${min}–${max}.`, en: `Must be a whole number from ${min} to ${max}.` } });
      }
    };
    range('candidacy.resignation.graceDays', resignation.graceDays, 0, 60);
    range('candidacy.bknProcessing.days', bknProcessing.days, 1, 365);
    range('candidacy.dueSoonDays', dueSoonDays, 0, 30);
  }
  return problems;
}

/** Checks on an election's stages against its voting day. */
export function validateStages(stages: ReadonlyArray<Pick<ElectionStage, 'code' | 'start' | 'end'>>, votingDay: IsoDate): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  stages.forEach((stage, index) => {
    if (!isIsoDate(stage.start)) problems.push({ field: `stages.${index}.start`, message: { id: 'Tanggal harus YYYY-MM-DD.', en: 'The date must be YYYY-MM-DD.' } });
    if (!isIsoDate(stage.end)) problems.push({ field: `stages.${index}.end`, message: { id: 'Tanggal harus YYYY-MM-DD.', en: 'The date must be YYYY-MM-DD.' } });
    else if (isIsoDate(stage.start) && stage.end < stage.start) {
      problems.push({ field: `stages.${index}.end`, message: { id: 'Tahapan berakhir sebelum dimulai.', en: 'The stage ends before it starts.' } });
    }
    if (seen.has(stage.code)) problems.push({ field: `stages.${index}.code`, message: { id: 'Tahapan ini tercantum dua kali.', en: 'This stage is listed twice.' } });
    seen.add(stage.code);
  });
  const voting = stages.find((s) => s.code === 'voting');
  if (!voting) {
    problems.push({ field: 'stages', message: { id: 'Tahapan pemungutan suara wajib ada.', en: 'The voting stage is required.' } });
  } else if (isIsoDate(voting.start) && isIsoDate(voting.end) && (votingDay < voting.start || votingDay > voting.end)) {
    const index = stages.indexOf(voting);
    problems.push({
      field: `stages.${index}.start`,
      message: { id: `Tahapan pemungutan suara harus memuat hari pemungutan ${votingDay}.`, en: `The voting stage must include the voting day ${votingDay}.` },
    });
  }
  return problems;
}

/** The rulebook's top-level parts that differ between two versions (the history's "what changed"). */
export function changedParts(before: ElectionRulebook, after: ElectionRulebook): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof ElectionRulebook>;
  const json = (value: unknown) => (value === undefined ? '' : canonicalJson(value));
  return [...keys].filter((key) => json(before[key]) !== json(after[key])).sort();
}

