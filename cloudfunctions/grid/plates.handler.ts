import type { listGrids, qrSheet, scanHousehold } from '@shared/api/grid';
import { REVOKED_TOKENS_KEPT, SHEET_MAX_HOUSEHOLDS, tokenFromScan } from '@shared/grid';
import { shanghaiDay } from '@shared/time';
import * as households from '../_data/households.repo';
import { isDuplicateWrite, refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';

const SHEET_CONCURRENCY = 6;

import { householdCard, householdTarget, loadHousehold } from './support/common';
import { newPlateToken } from './support/ids';
import { gridPlace, gridsUnder, institutionTownship } from './support/lookups';
import { currentApp, plateCodePng } from './support/plate';
import { type Plate, renderPlateSheet } from './support/sheet';

/**
 * The printable sheet of a grid's door plates. Every household printed gets a new token (the old
 * one is revoked: a lost or copied plate stops working once reprinted), then the PDF goes to
 * storage and a download link comes back.
 */
export const qrSheetHandler: Handler<typeof qrSheet> = async ({ ctx, input }) => {
  const { db, now } = ctx;
  const place = (await gridPlace(db, input.gridId)) ?? refuse('NOT_FOUND');
  ctx.authorize({
    gridId: place.gridId,
    districtId: place.districtId,
    ...(place.institutionId ? { institutionId: place.institutionId } : {}),
    ...(place.teamId ? { teamId: place.teamId } : {}),
  });
  const list = input.householdIds
    ? (await households.getMany(db, input.householdIds)).filter((h) => h.gridId === place.gridId)
    : await households.listByGrid(db, place.gridId, { limit: SHEET_MAX_HOUSEHOLDS + 1 });
  if (input.householdIds && list.length !== input.householdIds.length) refuse('NOT_FOUND');
  if (list.length > SHEET_MAX_HOUSEHOLDS) refuse('PLATE_SHEET_TOO_LARGE');
  const app = currentApp();
  const sorted = [...list].sort((a, b) => a.address.localeCompare(b.address, 'zh'));
  // A few at a time: each plate is one update and one wxacode call, both waiting on the network.
  const plates: Plate[] = [];
  for (let i = 0; i < sorted.length; i += SHEET_CONCURRENCY) {
    const batch = sorted.slice(i, i + SHEET_CONCURRENCY);
    plates.push(
      ...(await Promise.all(
        batch.map(async (h): Promise<Plate> => {
          let token = newPlateToken();
          try {
            await households.reissueToken(db, h, token, REVOKED_TOKENS_KEPT, now);
          } catch (e) {
            if (!isDuplicateWrite(e)) throw e;
            token = newPlateToken(); // 144 random bits: a clash is not expected twice
            await households.reissueToken(db, h, token, REVOKED_TOKENS_KEPT, now);
          }
          return {
            householdId: h._id,
            address: h.address,
            gridName: place.gridName,
            ...(place.teamName ? { teamName: place.teamName } : {}),
            png: await plateCodePng(app, token),
          };
        }),
      )),
    );
  }
  const bytes = await renderPlateSheet(place.gridName, plates, shanghaiDay(now));
  const up = await app.uploadFile({
    cloudPath: `plates/${place.gridId}/${now.getTime()}.pdf`,
    fileContent: Buffer.from(bytes),
  });
  const urls = await app.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 3600 }] });
  ctx.audit({ event: 'grid.plates.print', detail: { gridId: place.gridId, plates: String(plates.length) } });
  return {
    fileId: up.fileID,
    downloadUrl: urls.fileList[0]?.tempFileURL ?? '',
    plates: plates.length,
    pages: Math.max(1, Math.ceil(plates.length / 8)),
  };
};

/**
 * A scanned plate → the household card, for staff of its grid or team. The token alone grants
 * nothing: a resident or guest gets a polite note (before any look-up, so a plate reveals nothing),
 * other staff OUT_OF_SCOPE; a reprinted plate's old code says so.
 */
export const scanHouseholdHandler: Handler<typeof scanHousehold> = async ({ ctx, input }) => {
  if (ctx.caller.role === 'resident' || ctx.caller.role === 'guest') refuse('PLATE_STAFF_ONLY');
  if ('householdId' in input) return householdCard(ctx, await loadHousehold(ctx, input.householdId));
  const token = tokenFromScan(input.code) ?? refuse('PLATE_UNKNOWN');
  const h = await households.findByToken(ctx.db, token);
  if (!h) refuse((await households.isRevokedToken(ctx.db, token)) ? 'PLATE_REVOKED' : 'PLATE_UNKNOWN');
  ctx.authorize(householdTarget(h));
  return householdCard(ctx, h);
};

/** The grids a caller works on or prints for (the admin's print page lists them). */
export const listGridsHandler: Handler<typeof listGrids> = async ({ ctx }) => {
  const { caller, db } = ctx;
  if (caller.role === 'grid_worker') {
    const ids = caller.gridIds ?? [];
    ctx.authorize({ gridId: ids[0] ?? refuse('OUT_OF_SCOPE') });
    const places = await Promise.all(ids.map((id) => gridPlace(db, id)));
    return {
      grids: places
        .filter((p): p is NonNullable<typeof p> => p !== undefined)
        .map((p) => ({ gridId: p.gridId, name: p.gridName, villageName: '' })),
    };
  }
  if (caller.role === 'institution_admin') {
    const inst = caller.institutionId ?? refuse('OUT_OF_SCOPE');
    ctx.authorize({ institutionId: inst });
    const township = await institutionTownship(db, inst);
    return { grids: township ? await gridsUnder(db, township) : [] };
  }
  const district = caller.districtId ?? refuse('OUT_OF_SCOPE');
  ctx.authorize({ districtId: district });
  return { grids: await gridsUnder(db, district) };
};
