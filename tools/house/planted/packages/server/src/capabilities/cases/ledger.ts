export const caseLedger = { openForReport: () => 'case' };
