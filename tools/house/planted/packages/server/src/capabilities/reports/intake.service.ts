// Reports importing the cases capability instead of being handed its ledger.
import { caseLedger } from '../cases/ledger.ts';

export const fileReport = () => caseLedger.openForReport();
