import { randomBytes } from 'node:crypto';
import type { deleteTemplate, saveTemplate, templates } from '@shared/api/consult';
import { MAX_TEMPLATES } from '@shared/api/consult';
import type { OutputOf } from '@shared/api/define';
import * as consults from '../_data/consults.repo';
import * as teams from '../_data/teams.repo';
import { refuse } from '../_lib/errors';
import type { HandlerContext } from '../_lib/guard';

/** Reply templates are kept per team: any member of the team reads, adds, edits and removes them. */
const teamOf = (ctx: HandlerContext, teamId: string | undefined): string => {
  const id = teamId ?? ctx.caller.teamIds?.[0];
  if (!id) refuse('TEAM_NOT_FOUND');
  ctx.authorize({ teamId: id });
  return id;
};

export async function templatesHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { teamId?: string };
}): Promise<OutputOf<typeof templates>> {
  const teamId = teamOf(ctx, input.teamId);
  const rows = await consults.templatesOf(ctx.db, teamId, MAX_TEMPLATES);
  return {
    teamId,
    items: rows.map((r) => ({
      templateId: r._id,
      title: r.title,
      text: r.text,
      ...(r.byName ? { byName: r.byName } : {}),
      updatedAt: r.updatedAt,
    })),
  };
}

export async function saveTemplateHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { teamId?: string; templateId?: string; title: string; text: string };
}): Promise<OutputOf<typeof saveTemplate>> {
  let teamId: string;
  let createdAt = ctx.now;
  let id: string;
  if (input.templateId) {
    // Editing: the stored template's team decides, never the team the caller names.
    const cur = await consults.findTemplate(ctx.db, input.templateId);
    if (!cur) refuse('CONSULT_TEMPLATE_NOT_FOUND');
    ctx.authorize({ teamId: cur.teamId });
    teamId = cur.teamId;
    createdAt = cur.createdAt;
    id = cur._id;
  } else {
    teamId = teamOf(ctx, input.teamId);
    if ((await consults.countTemplates(ctx.db, teamId)) >= MAX_TEMPLATES) refuse('CONSULT_TEMPLATES_FULL');
    id = `ct_${teamId}_${ctx.now.getTime().toString(36)}${randomBytes(3).toString('hex')}`;
  }
  const team = ctx.caller.staffId ? await teams.recordById(ctx.db, teamId) : undefined;
  const me = team?.members?.find((m) => m.staffId === ctx.caller.staffId);
  await consults.putTemplate(ctx.db, {
    _id: id,
    teamId,
    title: input.title,
    text: input.text,
    ...(ctx.caller.staffId ? { byStaffId: ctx.caller.staffId } : {}),
    ...(me?.name ? { byName: me.name } : {}),
    createdAt,
    updatedAt: ctx.now,
  });
  return { templateId: id };
}

export async function deleteTemplateHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { templateId: string };
}): Promise<OutputOf<typeof deleteTemplate>> {
  const cur = await consults.findTemplate(ctx.db, input.templateId);
  if (!cur) refuse('CONSULT_TEMPLATE_NOT_FOUND');
  ctx.authorize({ teamId: cur.teamId });
  await consults.removeTemplate(ctx.db, cur._id);
  return { templateId: cur._id, deleted: true };
}
