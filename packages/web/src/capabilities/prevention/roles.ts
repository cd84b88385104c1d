/** Who may do what in prevention (the server checks the same lists: capabilities/prevention/service.ts). */
export const PREVENTION_READERS: readonly string[] = ['bawaslu_regency', 'bawaslu_province', 'bawaslu_national', 'bkpsdm_officer', 'ppk_delegate'];
export const PLEDGE_RECORDERS: readonly string[] = ['bkpsdm_officer', 'ppk_delegate'];
export const EVENT_RECORDERS: readonly string[] = ['bawaslu_regency', 'bawaslu_province', 'bawaslu_national', 'bkpsdm_officer', 'ppk_delegate'];
