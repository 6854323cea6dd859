import { zId } from '../api/fields';
import { z } from '../api/zod';
import { KEY_POPULATION_TAGS, STORED_TAGS } from '../constants/tags';
import { DEFAULT_POPULATION_CONFIG, keyPopulationsAt, type TPopulationConfig } from '../population';
import { addDays, ageOn, bornOnOrBefore, type Day } from '../time';

const zMonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期格式应为 MM-DD' });

/**
 * An audience is a rule, never a hand-picked list (issue #16): evaluated on the server from the
 * residents' data at send time. Every condition narrows; an empty rule means every resident the
 * sender may reach. `tags` match any of the listed key populations (derived ones — elderly,
 * child, maternal — computed at the send day). `season` is a Shanghai month-day window that may
 * wrap the new year ('12-01'…'02-28' for flu): outside it the audience is empty.
 */
export const ZAudienceRule = z
  .object({
    tags: z.array(z.enum(KEY_POPULATION_TAGS)).max(KEY_POPULATION_TAGS.length).default([]),
    teamId: zId.optional(),
    gridId: zId.optional(),
    ageMin: z.number().int().min(0).max(120).optional(),
    ageMax: z.number().int().min(0).max(120).optional(),
    sex: z.enum(['male', 'female']).optional(),
    signed: z.enum(['any', 'signed', 'unsigned']).default('any'),
    season: z.object({ from: zMonthDay, to: zMonthDay }).optional(),
  })
  .refine((r) => r.ageMin === undefined || r.ageMax === undefined || r.ageMin <= r.ageMax, {
    error: '年龄下限不能大于上限',
    path: ['ageMax'],
  })
  .refine((r) => !(r.teamId && r.signed === 'unsigned'), {
    error: '指定团队的受众必须是已签约居民',
    path: ['signed'],
  });
export type TAudienceRule = z.output<typeof ZAudienceRule>;

/** What the rule looks at for one resident: stored facts plus the team of a live contract. */
export type AudienceFacts = {
  _id: string;
  birthDate: Day;
  sex: 'male' | 'female';
  tags?: readonly string[];
  pregnancies?: readonly { registeredOn: Day; deliveredOn?: Day }[];
  gridId?: string;
  /** The team of the resident's live contract on the send day; undefined when not signed. */
  signedTeamId?: string;
};

/** True when a Shanghai day lies in a month-day window ('12-01'…'02-28' wraps the year). */
export const inSeason = (season: TAudienceRule['season'], day: Day): boolean => {
  if (!season) return true;
  const md = day.slice(5);
  return season.from <= season.to
    ? md >= season.from && md <= season.to
    : md >= season.from || md <= season.to;
};

/** Key populations of a resident on a day (stored conditions plus age and pregnancy). */
export const populationsOf = (p: AudienceFacts, day: Day, cfg = DEFAULT_POPULATION_CONFIG) =>
  keyPopulationsAt(
    {
      _id: p._id,
      birthDate: p.birthDate,
      sex: p.sex,
      tags: (p.tags ?? []).filter((t): t is (typeof STORED_TAGS)[number] =>
        (STORED_TAGS as readonly string[]).includes(t),
      ),
      pregnancies: [...(p.pregnancies ?? [])],
    },
    day,
    cfg,
  );

/** The rule, decided for one resident on the send day. */
export const matchesAudience = (
  p: AudienceFacts,
  rule: TAudienceRule,
  day: Day,
  cfg: TPopulationConfig = DEFAULT_POPULATION_CONFIG,
): boolean => {
  if (!inSeason(rule.season, day)) return false;
  if (rule.gridId !== undefined && p.gridId !== rule.gridId) return false;
  if (rule.sex !== undefined && p.sex !== rule.sex) return false;
  const age = ageOn(p.birthDate, day);
  if (rule.ageMin !== undefined && age < rule.ageMin) return false;
  if (rule.ageMax !== undefined && age > rule.ageMax) return false;
  if (rule.signed === 'signed' && p.signedTeamId === undefined) return false;
  if (rule.signed === 'unsigned' && p.signedTeamId !== undefined) return false;
  if (rule.teamId !== undefined && p.signedTeamId !== rule.teamId) return false;
  if (rule.tags.length > 0) {
    const has = populationsOf(p, day, cfg);
    if (!rule.tags.some((t) => has.includes(t))) return false;
  }
  return true;
};

/**
 * Conditions a database query can apply before the exact rule runs: always a superset of the
 * audience (birth-date bounds widened by a day for 29 February). Stored-tag narrowing applies
 * only when every tag asked for is stored (derived tags are computed, never queried).
 */
export const audienceNarrowing = (
  rule: TAudienceRule,
  day: Day,
): {
  gridId?: string;
  sex?: 'male' | 'female';
  bornFrom?: Day;
  bornTo?: Day;
  storedTags?: string[];
} => {
  const storedOnly =
    rule.tags.length > 0 && rule.tags.every((t) => (STORED_TAGS as readonly string[]).includes(t));
  return {
    ...(rule.gridId ? { gridId: rule.gridId } : {}),
    ...(rule.sex ? { sex: rule.sex } : {}),
    ...(rule.ageMin !== undefined ? { bornTo: addDays(bornOnOrBefore(day, rule.ageMin), 1) } : {}),
    ...(rule.ageMax !== undefined ? { bornFrom: addDays(bornOnOrBefore(day, rule.ageMax + 1), -1) } : {}),
    ...(storedOnly ? { storedTags: [...rule.tags] } : {}),
  };
};

/** True when a rule can select no one on this day (out of season), so nothing is read. */
export const audienceClosed = (rule: TAudienceRule, day: Day): boolean => !inSeason(rule.season, day);
