import type { agenda, availability, book, markAttended, markNoShow } from '@shared/api/appointment';
import type { InputOf, OutputOf } from '@shared/api/define';
import { invoke } from './api';

/** Open slots of a team for the caller (or a family member): priority when signed. */
export const getAvailability = (input: InputOf<typeof availability>) =>
  invoke<OutputOf<typeof availability>>('appointment', 'availability', input);

/** Books a slot; `subscribed` records the reminder credit the user just granted. */
export const bookSlot = (input: InputOf<typeof book>) =>
  invoke<OutputOf<typeof book>>('appointment', 'book', input);

/** A team's agenda for a day or a week. */
export const getAgenda = (input: InputOf<typeof agenda>) =>
  invoke<OutputOf<typeof agenda>>('appointment', 'agenda', input);

export const setAttended = (input: InputOf<typeof markAttended>) =>
  invoke<OutputOf<typeof markAttended>>('appointment', 'markAttended', input);

export const setNoShow = (input: InputOf<typeof markNoShow>) =>
  invoke<OutputOf<typeof markNoShow>>('appointment', 'markNoShow', input);

/** The team the resident is signed to today, from their contracts (undefined when none is active). */
export async function myActiveTeam(): Promise<{ teamId: string; residentId: string } | undefined> {
  const r = await invoke<{ contracts: { teamId: string; residentId: string; status: string }[] }>(
    'contract',
    'mine',
    {},
  );
  const c = r.contracts.find((x) => x.status === 'active');
  return c ? { teamId: c.teamId, residentId: c.residentId } : undefined;
}
