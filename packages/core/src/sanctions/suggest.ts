/**
 * From the acts Bawaslu found to the sanctions the PPK may impose. The matrix suggests; the PPK
 * decides. A lighter decision is allowed but flagged, because BKN monitors follow-up against
 * this very matrix.
 */
import type { Localised } from '../elections/types.ts';
import type { IdentifierKind } from '../nip/nip.ts';
import {
  DISCIPLINE_LEVEL_LABELS,
  PPPK_NOTE,
  PROHIBITED_ACTS,
  SANCTION_TYPES,
  disciplineRank,
  isActCode,
  sanctionTypesOf,
  type ActCode,
  type ProhibitedAct,
  type DisciplineLevel,
  type SanctionTypeCode,
} from './matrix.ts';

export interface SanctionSuggestion {
  /** The acts considered, without repeats, in the order given. */
  acts: ActCode[];
  ethics: {
    applies: boolean;
    /** Acts on the code-of-ethics track. */
    acts: ActCode[];
    sanctionTypes: SanctionTypeCode[];
  };
  discipline: {
    /** The heaviest level across the acts. */
    level: DisciplineLevel;
    /** The acts that set that level. */
    determinedBy: ActCode[];
    sanctionTypes: SanctionTypeCode[];
    /** The level if every unsure act is read the other way; present only when it differs. */
    alternativeLevel?: DisciplineLevel;
  };
  unsure: Array<{ act: ActCode; alternative: DisciplineLevel; note: Localised }>;
  notes: Localised[];
  /** The acts' legal basis and that of every suggested sanction type. */
  basis: string[];
}

const heavier = (a: DisciplineLevel, b: DisciplineLevel) => (disciplineRank(a) >= disciplineRank(b) ? a : b);

/**
 * The suggested sanctions for a case found to involve `actCodes`. `options.matrix` is the
 * rulebook's matrix (data, versioned with the rulebook); without it the SKB 2022 matrix as shipped.
 */
export function suggestSanction(
  actCodes: readonly string[],
  options: { employeeKind?: IdentifierKind; matrix?: Readonly<Record<ActCode, ProhibitedAct>> } = {},
): SanctionSuggestion {
  if (actCodes.length === 0) throw new RangeError('A sanction suggestion needs at least one act code');
  const unknown = actCodes.filter((code) => !isActCode(code));
  if (unknown.length > 0) throw new RangeError(`Unknown act codes: ${unknown.join(', ')}`);
  const matrix = options.matrix ?? PROHIBITED_ACTS;
  const acts = [...new Set(actCodes as readonly ActCode[])].map((code) => matrix[code] ?? PROHIBITED_ACTS[code]);

  const level = acts.reduce<DisciplineLevel>((max, a) => heavier(max, a.discipline), 'none');
  const alternativeLevel = acts.reduce<DisciplineLevel>(
    (max, a) => heavier(max, a.unsure && disciplineRank(a.unsure.alternative) < disciplineRank(a.discipline) ? a.unsure.alternative : a.discipline),
    'none',
  );
  const ethicsActs = acts.filter((a) => a.ethics).map((a) => a.code);
  const ethicsTypes = ethicsActs.length > 0 ? sanctionTypesOf('ethics', 'none') : [];
  const disciplineTypes = sanctionTypesOf('discipline', level);

  return {
    acts: acts.map((a) => a.code),
    ethics: { applies: ethicsActs.length > 0, acts: ethicsActs, sanctionTypes: ethicsTypes },
    discipline: {
      level,
      determinedBy: level === 'none' ? [] : acts.filter((a) => a.discipline === level).map((a) => a.code),
      sanctionTypes: disciplineTypes,
      ...(alternativeLevel !== level ? { alternativeLevel } : {}),
    },
    unsure: acts.flatMap((a) => (a.unsure ? [{ act: a.code, ...a.unsure }] : [])),
    notes: options.employeeKind === 'pppk' ? [PPPK_NOTE] : [],
    basis: [...new Set([...acts.map((a) => a.basis), ...[...disciplineTypes, ...ethicsTypes].map((t) => SANCTION_TYPES[t].basis)])],
  };
}

export type SanctionWarningCode = 'discipline_missing' | 'lighter_than_matrix' | 'ethics_missing';

export interface SanctionWarning {
  code: SanctionWarningCode;
  message: Localised;
}

/**
 * Warnings (never refusals) on what the PPK imposed against what the matrix suggests: the PPK
 * holds the authority, Netra only makes a departure visible to BKN's follow-up monitoring.
 */
export function validateImposedSanction(suggestion: SanctionSuggestion, imposed: readonly SanctionTypeCode[]): SanctionWarning[] {
  const warnings: SanctionWarning[] = [];
  const { level: suggested, alternativeLevel } = suggestion.discipline;
  const disciplineImposed = imposed.map((code) => SANCTION_TYPES[code]).filter((t) => t.track === 'discipline');
  const suggestedLabel = DISCIPLINE_LEVEL_LABELS[suggested];

  if (suggested !== 'none' && disciplineImposed.length === 0) {
    warnings.push({
      code: 'discipline_missing',
      message: {
        id: `Matriks SKB 2022 menyarankan ${suggestedLabel.id.toLowerCase()}, tetapi tidak ada hukuman disiplin yang dijatuhkan.`,
        en: `The SKB 2022 matrix suggests a ${suggestedLabel.en.toLowerCase()}, but no disciplinary penalty was imposed.`,
      },
    });
  } else if (disciplineImposed.length > 0) {
    const imposedLevel = disciplineImposed.reduce<DisciplineLevel>((max, t) => heavier(max, t.level), 'none');
    if (disciplineRank(imposedLevel) < disciplineRank(suggested)) {
      const imposedLabel = DISCIPLINE_LEVEL_LABELS[imposedLevel];
      const withinUnsureReading = alternativeLevel !== undefined && disciplineRank(imposedLevel) >= disciplineRank(alternativeLevel);
      warnings.push({
        code: 'lighter_than_matrix',
        message: {
          id:
            `Hukuman yang dijatuhkan (${imposedLabel.id.toLowerCase()}) lebih ringan dari saran matriks SKB 2022 (${suggestedLabel.id.toLowerCase()}).` +
            (withinUnsureReading ? ' Sumber hukum berbeda pendapat untuk pelanggaran ini; tingkat ini sesuai dengan bacaan lain.' : ''),
          en:
            `The penalty imposed (${imposedLabel.en.toLowerCase()}) is lighter than the SKB 2022 matrix suggests (${suggestedLabel.en.toLowerCase()}).` +
            (withinUnsureReading ? ' Sources disagree on this act; this level matches the other reading.' : ''),
        },
      });
    }
  }
  if (suggestion.ethics.applies && !imposed.some((code) => SANCTION_TYPES[code].track === 'ethics')) {
    warnings.push({
      code: 'ethics_missing',
      message: {
        id: `Pelanggaran ${suggestion.ethics.acts.join(', ')} juga melanggar kode etik (PP 42/2004 ps. 15), tetapi tidak ada sanksi moral yang dijatuhkan.`,
        en: `Act(s) ${suggestion.ethics.acts.join(', ')} also breach the code of ethics (PP 42/2004 art. 15), but no moral sanction was imposed.`,
      },
    });
  }
  return warnings;
}
