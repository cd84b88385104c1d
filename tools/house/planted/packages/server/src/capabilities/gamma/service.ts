// A circle between two folders that no two files close: gamma's service uses beta's, and beta's
// routes use gamma's service.
import { own } from '../beta/service.ts';

export const gamma = () => own();
