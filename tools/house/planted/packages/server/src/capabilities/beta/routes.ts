import { gamma } from '../gamma/service.ts';

export const routes = () => gamma();
