// A fixture reaching for the command line's entry (which boots everything) instead of its dispatcher.
import { exitCode } from '../cli/main.ts';

export const runNetra = () => exitCode;
