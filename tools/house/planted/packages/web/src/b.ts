import { a } from './page.ts';

export const b = () => (typeof a === 'function' ? 1 : 0);
