import type { OutputOf } from '@shared/api/define';
import type { exportIndicators, exportRoster, StatsLevel, ZIndicatorsInput } from '@shared/api/stats';
import type { z } from '@shared/api/zod';
import { ROLE_LABELS } from '@shared/constants/messages';
import type { TeamPosition } from '@shared/constants/roles';
import {
  INDICATOR_DEFINITIONS,
  INDICATOR_IDS,
  INDICATOR_LABELS,
  type Indicator,
  PERFORMANCE_LABELS,
  PERFORMANCE_METRICS,
  PERFORMANCE_WEIGHTS,
} from '@shared/indicators';
import { shanghaiDay } from '@shared/time';
import * as regions from '../_data/regions.repo';
import * as staff from '../_data/staff.repo';
import * as teams from '../_data/teams.repo';
import type { HandlerContext } from '../_lib/guard';
import { indicatorsOf } from './indicators.handler';
import { performanceOf, performancePeriod } from './performance.handler';
import { resolveScope } from './support/scope';
import { type Column, type Sheet, storeExport, workbookBytes } from './support/xlsx';

const LEVEL_LABELS: Record<StatsLevel, string> = {
  district: '区县',
  township: '乡镇街道',
  institution: '机构',
  team: '团队',
};

const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').slice(0, 15);

/** Stores the workbook, audits the export (who, what, how many rows) and answers its URL. */
async function deliver(
  ctx: HandlerContext,
  kind: 'roster' | 'indicators',
  scope: { level: StatsLevel; id: string; name: string },
  sheets: Sheet[],
  rows: number,
): Promise<OutputOf<typeof exportRoster>> {
  const bytes = await workbookBytes(sheets, '家医签约', ctx.now);
  const label = kind === 'roster' ? '成员明细表' : '签约服务指标';
  const fileName = `${scope.name}${label}_${shanghaiDay(ctx.now)}.xlsx`;
  const { fileId, downloadUrl } = await storeExport(
    `exports/${kind}/${scope.level}-${scope.id}/${stamp(ctx.now)}-${ctx.caller.userId ?? 'anon'}.xlsx`,
    bytes,
  );
  ctx.audit({
    event: 'stats.export',
    detail: { kind, level: scope.level, scopeId: scope.id, rows: String(rows), fileId },
  });
  return { fileId, downloadUrl, fileName, rows };
}

/**
 * stats.exportRoster: the team ↔ grid member roster (成员明细表) of a scope — every team member and
 * every grid worker of the team's grids, one row each, with the masked mobile only (no role gets
 * full numbers in a file). Reads: the scope (2), its teams (1), their grids (1), the staff (1 per
 * 1000); then one upload. Audited.
 */
export async function exportRosterHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: { level: StatsLevel; id?: string | undefined };
}): Promise<OutputOf<typeof exportRoster>> {
  const scope = await resolveScope(ctx, input);
  const all = await teams.ofInstitutions(ctx.db, scope.institutionIds);
  const list = scope.level === 'team' ? all.filter((t) => t._id === scope.id) : all;
  const villages = [...new Set(list.flatMap((t) => [...(t.villageIds ?? []), ...(t.serviceArea ?? [])]))];
  const grids = await regions.gridsOf(ctx.db, villages);
  const gridName = new Map(grids.map((g) => [g._id, g.name]));
  const gridsOfTeam = (t: (typeof list)[number]) => {
    const area = new Set([...(t.villageIds ?? []), ...(t.serviceArea ?? [])]);
    return [
      ...new Set([
        ...(t.gridIds ?? []),
        ...grids.filter((g) => area.has(g.parentId ?? '')).map((g) => g._id),
      ]),
    ];
  };
  const people = await staff.forRoster(
    ctx.db,
    scope.institutionIds,
    grids.map((g) => g._id),
  );
  const byId = new Map(people.map((p) => [p._id, p]));
  const instName = (id: string) => scope.institutionNames.get(id) ?? id;
  const rows: Record<string, unknown>[] = [];
  for (const t of list) {
    const tGrids = gridsOfTeam(t);
    const gridText = tGrids.map((g) => gridName.get(g) ?? g).join('、');
    for (const m of t.members ?? []) {
      const s = byId.get(m.staffId);
      const position = (s?.position ?? m.position) as TeamPosition | undefined;
      rows.push({
        institution: instName(t.institutionId),
        team: t.name,
        kind: '团队成员',
        name: s?.name ?? m.name ?? m.staffId,
        position: position ? ROLE_LABELS[position] : (m.title ?? ''),
        title: m.title ?? '',
        leader: t.leaderStaffId === m.staffId || m.leader ? '是' : '',
        mobile: s?.mobileMasked ?? '',
        grids: gridText,
        bound: s?.openid ? '已绑定' : '未绑定',
      });
    }
    for (const g of people.filter(
      (p) => p.role === 'grid_worker' && (p.gridIds ?? []).some((x) => tGrids.includes(x)),
    ))
      rows.push({
        institution: instName(t.institutionId),
        team: t.name,
        kind: '网格员',
        name: g.name,
        position: ROLE_LABELS.grid_worker,
        title: '',
        leader: '',
        mobile: g.mobileMasked ?? '',
        grids: (g.gridIds ?? [])
          .filter((x) => tGrids.includes(x))
          .map((x) => gridName.get(x) ?? x)
          .join('、'),
        bound: g.openid ? '已绑定' : '未绑定',
      });
  }
  const columns: Column[] = [
    { header: '机构', key: 'institution', width: 28 },
    { header: '团队', key: 'team', width: 26 },
    { header: '类别', key: 'kind' },
    { header: '姓名', key: 'name' },
    { header: '岗位', key: 'position', width: 20 },
    { header: '职称', key: 'title', width: 22 },
    { header: '团队长', key: 'leader' },
    { header: '联系电话（脱敏）', key: 'mobile', width: 18 },
    { header: '负责网格', key: 'grids', width: 40 },
    { header: '账号', key: 'bound' },
  ];
  return deliver(ctx, 'roster', scope, [{ name: '成员明细表', columns, rows }], rows.length);
}

const indicatorColumns = (): Column[] =>
  INDICATOR_IDS.flatMap((id) => [
    { header: `${INDICATOR_LABELS[id]}·分子`, key: `${id}.n`, width: 14 },
    { header: `${INDICATOR_LABELS[id]}·分母`, key: `${id}.d`, width: 14 },
    { header: `${INDICATOR_LABELS[id]}·比率`, key: `${id}.r`, width: 14, percent: true },
    { header: `${INDICATOR_LABELS[id]}·目标`, key: `${id}.t`, width: 14, percent: true },
    { header: `${INDICATOR_LABELS[id]}·达标`, key: `${id}.m`, width: 12 },
  ]);

const indicatorCells = (list: readonly Indicator[]) =>
  Object.fromEntries(
    list.flatMap((i) => [
      [`${i.id}.n`, i.numerator],
      [`${i.id}.d`, i.denominator],
      [`${i.id}.r`, i.rate],
      [`${i.id}.t`, i.target],
      [`${i.id}.m`, i.denominator === 0 ? '无对象' : i.met ? '达标' : '未达标'],
    ]),
  );

/**
 * stats.exportIndicators: the scope and each child (one row each, every indicator's numerator,
 * denominator, rate, target, met), the team and member performance of the quarter, and the
 * definitions. Costs what `indicators` and `teamPerformance` cost, plus one upload. Audited.
 */
export async function exportIndicatorsHandler({
  ctx,
  input,
}: {
  ctx: HandlerContext;
  input: z.output<typeof ZIndicatorsInput>;
}): Promise<OutputOf<typeof exportIndicators>> {
  const day = input.day ?? shanghaiDay(ctx.now);
  const scope = await resolveScope(ctx, input);
  const [view, perf] = await Promise.all([
    indicatorsOf(ctx, scope, day),
    performanceOf(ctx, scope, performancePeriod(day, 'quarter')),
  ]);
  const lead: Column[] = [
    { header: '层级', key: 'level' },
    { header: '名称', key: 'name', width: 28 },
    { header: '统计日', key: 'day', width: 12 },
  ];
  const indicatorRows = [
    { level: LEVEL_LABELS[view.level], name: view.name, day, ...indicatorCells(view.indicators) },
    ...view.children.map((c) => ({
      level: LEVEL_LABELS[c.level],
      name: c.name,
      day,
      ...indicatorCells(c.indicators),
    })),
  ];
  const perfColumns: Column[] = [
    ...PERFORMANCE_METRICS.map((m) => ({ header: PERFORMANCE_LABELS[m], key: m })),
    { header: '积分', key: 'points' },
  ];
  const sheets: Sheet[] = [
    { name: '指标', columns: [...lead, ...indicatorColumns()], rows: indicatorRows },
    {
      name: '团队绩效',
      columns: [{ header: '团队', key: 'name', width: 26 }, ...perfColumns],
      rows: perf.teams.map((t) => ({ name: t.name, ...t.counts, points: t.points })),
    },
    {
      name: '成员绩效',
      columns: [{ header: '团队', key: 'team', width: 26 }, { header: '成员', key: 'name' }, ...perfColumns],
      rows: perf.members.map((m) => ({ team: m.teamName, name: m.name, ...m.counts, points: m.points })),
    },
    {
      name: '口径说明',
      columns: [
        { header: '项目', key: 'item', width: 30 },
        { header: '说明', key: 'text', width: 90 },
      ],
      rows: [
        ...INDICATOR_IDS.map((id) => ({ item: INDICATOR_LABELS[id], text: INDICATOR_DEFINITIONS[id] })),
        {
          item: '绩效积分',
          text: `本季度至统计日（${perf.period.start}～${perf.period.end}）；积分 = Σ 权重 × 数量：${PERFORMANCE_METRICS.map((m) => `${PERFORMANCE_LABELS[m]}×${PERFORMANCE_WEIGHTS[m]}`).join('，')}`,
        },
      ],
    },
  ];
  return deliver(ctx, 'indicators', scope, sheets, indicatorRows.length);
}
