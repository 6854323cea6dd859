import {
  changeTeam,
  eligibility,
  listTeams,
  mine,
  pdf,
  quote,
  renew,
  sign,
  teamDetail,
  terminate,
  uploadSignature,
  withdraw,
} from '@shared/api/contract';
import { confirm, pendingList, reject, teamContracts, verify } from '@shared/api/contractStaff';
import { bind, createGuardedFunction } from '../_lib/guard';
import { listTeamsHandler, quoteHandler, teamDetailHandler } from './browse.handler';
import { changeTeamHandler } from './changeTeam.handler';
import { confirmHandler, rejectHandler } from './decide.handler';
import { eligibilityHandler } from './eligibility.handler';
import { terminateHandler, withdrawHandler } from './end.handler';
import {
  mineHandler,
  pdfHandler,
  pendingListHandler,
  teamContractsHandler,
  verifyHandler,
} from './read.handler';
import { renewHandler } from './renew.handler';
import { signHandler } from './sign.handler';
import { uploadSignatureHandler } from './uploadSignature.handler';

/** The `contract` function: every action in shared/api/contract*.ts, each behind the guard. */
export const main = createGuardedFunction('contract', [
  bind(listTeams, listTeamsHandler),
  bind(teamDetail, teamDetailHandler),
  bind(quote, quoteHandler),
  bind(sign, signHandler),
  bind(withdraw, withdrawHandler),
  bind(confirm, confirmHandler),
  bind(reject, rejectHandler),
  bind(renew, renewHandler),
  bind(changeTeam, changeTeamHandler),
  bind(terminate, terminateHandler),
  bind(mine, mineHandler),
  bind(pendingList, pendingListHandler),
  bind(teamContracts, teamContractsHandler),
  bind(verify, verifyHandler),
  bind(pdf, pdfHandler),
  bind(eligibility, eligibilityHandler),
  bind(uploadSignature, uploadSignatureHandler),
]);
