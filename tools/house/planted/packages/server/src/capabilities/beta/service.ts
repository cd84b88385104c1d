import { rows } from './repository.ts';

export const own = () => rows;
