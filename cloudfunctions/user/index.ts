import {
  addFamilyMember,
  answerFamilyRequest,
  bindStaff,
  createStaff,
  familyRequests,
  listFamily,
  listStaff,
  login,
  me,
  regions,
  reissueBindCode,
  removeFamilyMember,
  revealIdentity,
  searchResidents,
  setResidence,
  verifyIdentity,
  withdrawConsent,
} from '@shared/api/user';
import { bind, createGuardedFunction } from '../_lib/guard';
import { addFamilyMemberHandler } from './addFamilyMember.handler';
import { bindStaffHandler } from './bindStaff.handler';
import { createStaffHandler } from './createStaff.handler';
import { answerFamilyRequestHandler, familyRequestsHandler } from './familyRequest.handler';
import { listFamilyHandler } from './listFamily.handler';
import { loginHandler } from './login.handler';
import { meHandler } from './me.handler';
import { removeFamilyMemberHandler } from './removeFamilyMember.handler';
import { regionsHandler, setResidenceHandler } from './residence.handler';
import { revealIdentityHandler } from './revealIdentity.handler';
import { searchResidentsHandler } from './searchResidents.handler';
import { listStaffHandler, reissueBindCodeHandler } from './staffAdmin.handler';
import { verifyIdentityHandler } from './verifyIdentity.handler';
import { withdrawConsentHandler } from './withdrawConsent.handler';

/** Identity: login, real-name verification, family members, consent, staff accounts (issue 5). */
export const main = createGuardedFunction('user', [
  bind(login, loginHandler),
  bind(me, meHandler),
  bind(verifyIdentity, verifyIdentityHandler),
  bind(addFamilyMember, addFamilyMemberHandler),
  bind(listFamily, listFamilyHandler),
  bind(removeFamilyMember, removeFamilyMemberHandler),
  bind(withdrawConsent, withdrawConsentHandler),
  bind(createStaff, createStaffHandler),
  bind(bindStaff, bindStaffHandler),
  bind(revealIdentity, revealIdentityHandler),
  bind(familyRequests, familyRequestsHandler),
  bind(answerFamilyRequest, answerFamilyRequestHandler),
  bind(regions, regionsHandler),
  bind(setResidence, setResidenceHandler),
  bind(listStaff, listStaffHandler),
  bind(reissueBindCode, reissueBindCodeHandler),
  bind(searchResidents, searchResidentsHandler),
]);
