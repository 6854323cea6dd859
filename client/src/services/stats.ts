// Types only from @shared/api: the dashboard lives in the admin sub-package, but services stay zod-free.
import type { InputOf, OutputOf } from '@shared/api/define';
import type { indicators } from '@shared/api/stats';
import { invoke } from './api';

/** Indicators against targets for a district / township / institution / team, with its children. */
export const getIndicators = (input: Partial<InputOf<typeof indicators>> = {}) =>
  invoke<OutputOf<typeof indicators>>('stats', 'indicators', input);
