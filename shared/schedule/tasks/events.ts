import { addDays, type Day, diffDays, minDay, monthOf, type Window } from '../../time';
import { anyIn, type ResidentTaskContext, type TaskDefinition, type TaskEvent } from '../engine';
import type { TTbEvent } from '../records';

/**
 * Tasks anchored on an event day (a referral, a TB case event, a prescription's last day). Only
 * anchors within `lookbackDays` open windows, so a closed case from years ago stays quiet.
 */
type Def = TaskDefinition<ResidentTaskContext>;

// An anchor event opens its window once it has happened and until lookbackDays after it.
const recent = (ctx: ResidentTaskContext, day: Day) =>
  day <= ctx.today && diffDays(day, ctx.today) <= ctx.cfg.lookbackDays;
// A prescription's end is usually ahead: its refill window is announced while it is still running.
const endsSoonOrRecently = (ctx: ResidentTaskContext, day: Day) =>
  diffDays(day, ctx.today) <= ctx.cfg.lookbackDays;
const within = (day: Day, days: number): Window => ({ start: day, end: addDays(day, days) });

/** POLICY 001/000: after any referral up, follow up within 2 weeks: referred 03-02 → due by 03-16. */
export const referralFollowup: Def = {
  id: 'followup.referral.2w',
  policy: 'POLICY 001 follow-up within 2 weeks after referral',
  appliesIf: (ctx) => ctx.records.referrals.some((r) => r.direction === 'up'),
  events: (ctx) =>
    ctx.records.referrals
      .filter((r) => r.direction === 'up' && recent(ctx, r.day))
      .map((r) => ({
        key: `${ctx.resident._id}:${r._id}`,
        window: within(r.day, ctx.cfg.referralFollowupDays),
        ref: r._id,
      })),
  resolvedIf: (ctx, ev) =>
    ctx.records.followups.some(
      (f) => f.referralId === ev.ref && f.day >= ev.window.start && f.day <= ev.window.end,
    ),
};

/** POLICY 000/003: a down-referral (rehab) means the team takes over with a visit. */
export const downReferralVisit: Def = {
  id: 'visit.down_referral',
  policy: 'POLICY 000 down-referral rehab visit',
  appliesIf: (ctx) => ctx.records.referrals.some((r) => r.direction === 'down'),
  events: (ctx) =>
    ctx.records.referrals
      .filter((r) => r.direction === 'down' && recent(ctx, r.day))
      .map((r) => ({
        key: `${ctx.resident._id}:${r._id}`,
        window: within(r.day, ctx.cfg.downReferralVisitDays),
        ref: r._id,
      })),
  resolvedIf: (ctx, ev) =>
    anyIn(
      ctx.records.followups.filter((f) => f.kind === 'rehab' && f.mode !== 'phone'),
      ev.window,
    ),
};

const tbOf = (ctx: ResidentTaskContext, type: TTbEvent['type']) =>
  ctx.records.tbEvents.filter((e) => e.type === type && recent(ctx, e.day));
const tbFollowups = (ctx: ResidentTaskContext, phoneOnly: boolean) =>
  ctx.records.followups.filter((f) => f.kind === 'tuberculosis' && (!phoneOnly || f.mode === 'phone'));

/** POLICY 001: a suspected TB case gets a two-way referral form to the designated hospital. */
export const tbSuspectedReferral: Def = {
  id: 'tb.suspected.referral',
  policy: 'POLICY 001 tuberculosis',
  appliesIf: (ctx) => tbOf(ctx, 'suspected').length > 0,
  events: (ctx) =>
    tbOf(ctx, 'suspected').map((e) => ({
      key: `${ctx.resident._id}:${e._id}`,
      window: within(e.day, ctx.cfg.tbReferralDays),
    })),
  resolvedIf: (ctx, ev) =>
    anyIn(
      ctx.records.referrals.filter((r) => r.direction === 'up'),
      ev.window,
    ),
};

/** POLICY 001: a confirmed TB case gets a home visit (first within 3 days), then monthly while treated. */
export const tbTreatmentVisits: Def = {
  id: 'tb.treatment.visit',
  policy: 'POLICY 001 tuberculosis',
  appliesIf: (ctx) => tbOf(ctx, 'confirmed').length > 0,
  events: (ctx) => tbOf(ctx, 'confirmed').flatMap((e) => treatmentWindows(ctx, e)),
  resolvedIf: (ctx, ev) =>
    anyIn(
      tbFollowups(ctx, false).filter((f) => f.mode === 'home_visit'),
      ev.window,
    ),
};

// First visit window, then one per calendar month of treatment up to today (or until it stopped).
const treatmentWindows = (ctx: ResidentTaskContext, confirmed: TTbEvent): TaskEvent[] => {
  const ended = ctx.records.tbEvents
    .filter((e) => e.type !== 'confirmed' && e.type !== 'suspected' && e.day >= confirmed.day)
    .map((e) => e.day)
    .sort()[0];
  const last = minDay(ctx.today, ended ?? ctx.today);
  const out: TaskEvent[] = [
    {
      key: `${ctx.resident._id}:${confirmed._id}:first`,
      window: within(confirmed.day, ctx.cfg.tbFirstVisitDays),
    },
  ];
  for (
    let m = monthOf(addDays(monthOf(confirmed.day).end, 1));
    m.start <= last;
    m = monthOf(addDays(m.end, 1))
  )
    out.push({
      key: `${ctx.resident._id}:${confirmed._id}:${m.key}`,
      window: { start: m.start, end: minDay(m.end, ended ?? m.end) },
    });
  return out;
};

/** POLICY 001: medication stopped → phone follow-up within 2 weeks. */
export const tbStoppedPhone: Def = {
  id: 'tb.stopped.phone',
  policy: 'POLICY 001 tuberculosis',
  appliesIf: (ctx) => tbOf(ctx, 'stopped_medication').length > 0,
  events: (ctx) =>
    tbOf(ctx, 'stopped_medication').map((e) => ({
      key: `${ctx.resident._id}:${e._id}`,
      window: within(e.day, ctx.cfg.tbStoppedPhoneDays),
    })),
  resolvedIf: (ctx, ev) => anyIn(tbFollowups(ctx, true), ev.window),
};

/** POLICY 004: a long prescription (≤ 2 months) needs a refill before it runs out. */
export const prescriptionRefill: Def = {
  id: 'prescription.refill',
  policy: 'POLICY 004 long prescription',
  appliesIf: (ctx) => ctx.records.prescriptions.some((p) => p.long),
  events: (ctx) =>
    ctx.records.prescriptions
      .filter((p) => p.long && endsSoonOrRecently(ctx, p.endDay))
      .map((p) => ({
        key: `${ctx.resident._id}:${p._id}`,
        window: { start: addDays(p.endDay, -ctx.cfg.refillLeadDays), end: p.endDay },
        ref: p._id,
      })),
  // Resolved by a newer prescription starting no later than the day after the old one ends.
  resolvedIf: (ctx, ev) =>
    ctx.records.prescriptions.some(
      (p) => p._id !== ev.ref && p.startDay >= ev.window.start && p.startDay <= addDays(ev.window.end, 1),
    ),
};

/** All event-anchored resident tasks. */
export const EVENT_TASKS: readonly Def[] = [
  referralFollowup,
  downReferralVisit,
  tbSuspectedReferral,
  tbTreatmentVisits,
  tbStoppedPhone,
  prescriptionRefill,
];
