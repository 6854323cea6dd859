import {
  type AudienceFacts,
  audienceClosed,
  audienceNarrowing,
  EDUCATION_CONFIG,
  matchesAudience,
  type TAudienceRule,
} from '@shared/education';
import type { Day } from '@shared/time';
import { liveTeamsOf } from '../../_data/contracts.repo';
import { audiencePage } from '../../_data/residents.repo';
import type { Database } from '../../_lib/db';

/**
 * Walks the audience of a rule on a day, a page at a time in resident-id order, calling `onPage`
 * with the residents the exact rule selects. Cost: two requests per page of candidates (residents,
 * then their live contracts) — proportional to the institution's candidates, never more.
 * `onPage` returns undefined to go on, or the resident id to resume after when it stops early (a
 * fan-out that ran out of time, possibly mid-page); that cursor is returned, undefined when the
 * walk finished.
 */
export async function walkAudience(
  db: Database,
  institutionId: string,
  rule: TAudienceRule,
  day: Day,
  onPage: (matched: AudienceFacts[], lastId: string) => Promise<string | undefined>,
  opts: { cursor?: string; pageSize?: number } = {},
): Promise<{ cursor?: string }> {
  if (audienceClosed(rule, day)) return {};
  const narrow = audienceNarrowing(rule, day);
  const size = opts.pageSize ?? EDUCATION_CONFIG.audiencePage;
  let cursor = opts.cursor;
  for (;;) {
    const page = await audiencePage(db, institutionId, narrow, cursor, size);
    if (page.length === 0) return {};
    const teams = await liveTeamsOf(
      db,
      page.map((r) => r._id),
      day,
    );
    const matched = page
      .filter((r) => r.birthDate && r.sex)
      .map((r) => ({ ...r, signedTeamId: teams.get(r._id) }))
      .filter((r) => matchesAudience(r, rule, day));
    cursor = page[page.length - 1]?._id;
    const stopAfter = await onPage(matched, cursor ?? '');
    if (stopAfter !== undefined && stopAfter !== cursor) return { cursor: stopAfter };
    if (page.length < size) return {};
    if (stopAfter !== undefined) return { cursor };
  }
}

/** How many residents a rule selects on a day (a count, never names). */
export async function countAudience(
  db: Database,
  institutionId: string,
  rule: TAudienceRule,
  day: Day,
): Promise<number> {
  let n = 0;
  await walkAudience(db, institutionId, rule, day, async (m) => {
    n += m.length;
    return undefined;
  });
  return n;
}
