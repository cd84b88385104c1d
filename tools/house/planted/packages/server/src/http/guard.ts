import { own } from '../capabilities/beta/service.ts';

export const guard = () => own();
