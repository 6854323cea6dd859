import {
  acknowledge,
  addMember,
  gridOverview,
  listGrids,
  moveOut,
  myReports,
  qrSheet,
  registerHousehold,
  report,
  resolve,
  scanHousehold,
  teamReports,
  updateMember,
} from '@shared/api/grid';
import { bind, createGuardedFunction } from '../_lib/guard';
import {
  addMemberHandler,
  gridOverviewHandler,
  moveOutHandler,
  registerHouseholdHandler,
  updateMemberHandler,
} from './household.handler';
import { listGridsHandler, qrSheetHandler, scanHouseholdHandler } from './plates.handler';
import {
  acknowledgeHandler,
  myReportsHandler,
  reportHandler,
  resolveHandler,
  teamReportsHandler,
} from './reports.handler';

/** Grid workers: door plates, household registration, reports to the team (issue 15). */
export const main = createGuardedFunction('grid', [
  bind(listGrids, listGridsHandler),
  bind(qrSheet, qrSheetHandler),
  bind(scanHousehold, scanHouseholdHandler),
  bind(registerHousehold, registerHouseholdHandler),
  bind(addMember, addMemberHandler),
  bind(updateMember, updateMemberHandler),
  bind(moveOut, moveOutHandler),
  bind(report, reportHandler),
  bind(acknowledge, acknowledgeHandler),
  bind(resolve, resolveHandler),
  bind(myReports, myReportsHandler),
  bind(teamReports, teamReportsHandler),
  bind(gridOverview, gridOverviewHandler),
]);
