import { own } from '../../server/src/capabilities/beta/service.ts';
import { b } from './b.ts';

export const a = () => own() + b();
