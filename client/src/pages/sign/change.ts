/** Storage key carrying a change of team from 我的签约 to the 签约 tab (tab pages take no query). */
export const CHANGE_KEY = 'jy.changeContract';
export type ChangeOf = { contractId: string; residentId: string };
