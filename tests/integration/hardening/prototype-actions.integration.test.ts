import { buildFunction } from '../../../scripts/build-functions';
import { listFunctions } from '../../../scripts/functions';
import type { TestEmulator } from '../../support/emulator';
import { startSeededEmulator } from '../../support/identity';

// Probe finding 4: an action named like an Object.prototype member reached `actions[name]` on a
// plain object in createFunction, and the resulting TypeError text went back to the caller.
// Every deployed function (found by folder, so new ones are covered when they land) must answer
// such names with the stable UNKNOWN_ACTION envelope and no internal text, as a guest and as a
// signed-in resident.
const HOSTILE_ACTIONS = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  'prototype',
];

describe('every function refuses actions named like Object.prototype members', () => {
  let emu: TestEmulator;
  const fns = listFunctions();

  beforeAll(async () => {
    emu = await startSeededEmulator([]);
    for (const fn of fns) await buildFunction(fn);
  }, 240_000);
  afterAll(() => emu?.close());

  it.each(fns)('%s answers UNKNOWN_ACTION for each hostile name', async (fn) => {
    for (const action of HOSTILE_ACTIONS) {
      for (const openid of [undefined, 'demo-resident-1']) {
        const res = await emu.callFn(fn, { action, input: {} }, openid);
        // The envelope reaches the caller as the function's result: never an emulator error.
        expect({ action, openid, res }).toEqual({
          action,
          openid,
          res: { result: { ok: false, code: 'UNKNOWN_ACTION', message: expect.any(String) } },
        });
        const text = JSON.stringify(res);
        expect(text).not.toMatch(/TypeError|is not a function|Cannot read|undefined|stack/i);
      }
    }
  });
});
