import { loadScreeningModel, type ScreeningModelJson } from '../model.ts';
import json from './screening-model.json' with { type: 'json' };

/** The committed model, trained by bench/screening/train.ts on the tuning split. */
export const DEFAULT_SCREENING_MODEL = loadScreeningModel(json as unknown as ScreeningModelJson);
