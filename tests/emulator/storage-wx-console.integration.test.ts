// Storage (upload, temp URL, download, delete, H5 upload), WeChat open APIs through wx.api
// (subscribe messages checked against the template file, QR codes), and the console pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SUBSCRIBE_TEMPLATES } from '@shared/wx/subscribe-templates';
import QRCode from 'qrcode';
import { contextApp, FIXTURE_FUNCTIONS, startTestEmulator, type TestEmulator } from '../support/emulator';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS });
});
afterAll(async () => {
  await emu.close();
});

describe.each([
  ['serviceUrl', () => emu.sdkApp()],
  ['TCB_CONTEXT_CNFG', () => contextApp(emu.url)],
])('storage via %s', (mode, makeApp) => {
  test('upload, temp URL, download, delete; files live under the data folder', async () => {
    const app = makeApp();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-up-'));
    const cloudPath = `signatures/${mode}/签名 1.png`;
    const content = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    const up = await app.uploadFile({ cloudPath, fileContent: content });
    expect(up.fileID).toBe(`cloud://local-dev.local-dev-local-1250000000/${cloudPath}`);
    expect(fs.readFileSync(path.join(emu.dataDir, 'storage', 'signatures', mode, '签名 1.png'))).toEqual(
      content,
    );

    const urls = await app.getTempFileURL({ fileList: [up.fileID, 'cloud://local-dev.x/missing.png'] });
    expect(urls.fileList[0]).toMatchObject({ fileID: up.fileID, code: 'SUCCESS' });
    expect(urls.fileList[1]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
    const res = await fetch(encodeURI(urls.fileList[0]!.tempFileURL));
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(content);

    const dl = await app.downloadFile({ fileID: up.fileID });
    expect(dl.fileContent).toEqual(content);
    const target = path.join(tmp, 'copy.png');
    await app.downloadFile({ fileID: up.fileID, tempFilePath: target });
    await new Promise((r) => setTimeout(r, 50));
    expect(fs.readFileSync(target)).toEqual(content);

    const del = await app.deleteFile({ fileList: [up.fileID] });
    expect(del.fileList).toEqual([{ fileID: up.fileID, code: 'SUCCESS' }]);
    expect((await app.getTempFileURL({ fileList: [up.fileID] })).fileList[0]).toMatchObject({
      code: 'STORAGE_FILE_NONEXIST',
    });
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});

test('H5 upload through the gateway: raw bytes or a data URL, path traversal refused', async () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 9, 9]);
  const r1 = await fetch(`${emu.url}/storage/upload?cloudPath=h5/sig.png`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-jy-openid': 'o-h5' },
    body: png,
  });
  const j1 = (await r1.json()) as { fileID: string; tempFileURL: string };
  expect(j1.fileID).toBe('cloud://local-dev.local-dev-local-1250000000/h5/sig.png');
  expect(Buffer.from(await (await fetch(j1.tempFileURL)).arrayBuffer())).toEqual(png);
  const r2 = await fetch(`${emu.url}/storage/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      cloudPath: 'h5/sig2.png',
      dataUrl: `data:image/png;base64,${png.toString('base64')}`,
    }),
  });
  const j2 = (await r2.json()) as { fileID: string };
  const app = emu.sdkApp();
  expect((await app.downloadFile({ fileID: j2.fileID })).fileContent).toEqual(png);
  const bad = await fetch(`${emu.url}/storage/upload?cloudPath=../../etc/x`, { method: 'POST', body: 'x' });
  expect(await bad.json()).toMatchObject({ code: 'INVALID_PARAM' });
  const big = await fetch(`${emu.url}/storage/upload?cloudPath=h5/big.bin`, {
    method: 'POST',
    body: Buffer.alloc(6 * 1024 * 1024),
  });
  expect(await big.json()).toMatchObject({ code: 'INVALID_PARAM' });
});

describe('wx.api', () => {
  const tpl = SUBSCRIBE_TEMPLATES.appointmentReminder;
  const goodData = {
    name1: { value: '张三' },
    time2: { value: '2026-12-01 09:30' },
    thing3: { value: '社区卫生服务中心' },
    thing4: { value: '请携带医保卡' },
  };

  test('subscribeMessage.send: a registered template with its fields is sent and recorded', async () => {
    const app = emu.sdkApp();
    const r = await app.callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: {
        touser: 'o-res-1',
        template_id: tpl.id,
        page: 'pages/appointments/index',
        data: goodData,
      },
    });
    expect(r.result).toMatchObject({ errcode: 0, errmsg: 'ok' });
    const outbox = await emu.getJson<Array<Record<string, unknown>>>('/_emulator/api/outbox');
    expect(outbox.at(-1)).toMatchObject({
      touser: 'o-res-1',
      templateId: tpl.id,
      status: 'sent',
      data: { name1: '张三', time2: '2026-12-01 09:30', thing3: '社区卫生服务中心', thing4: '请携带医保卡' },
    });
  });

  test.each([
    ['an unregistered template', { template_id: 'TPL_NOPE', data: goodData }, 40037],
    ['a missing field', { template_id: tpl.id, data: { ...goodData, thing4: undefined } }, 47003],
    ['an unknown field', { template_id: tpl.id, data: { ...goodData, thing9: { value: 'x' } } }, 47003],
    [
      'a too-long thing value',
      { template_id: tpl.id, data: { ...goodData, thing3: { value: '很'.repeat(21) } } },
      47003,
    ],
    ['no recipient', { touser: '', template_id: tpl.id, data: goodData }, 40003],
  ])('subscribeMessage.send refuses %s', async (_name, req, errcode) => {
    const app = emu.sdkApp();
    const r = await app.callWxOpenApi({
      apiName: 'subscribeMessage.send',
      requestData: { touser: 'o-res-2', ...req },
    });
    expect((r.result as { errcode: number }).errcode).toBe(errcode);
    const outbox = await emu.getJson<Array<Record<string, unknown>>>('/_emulator/api/outbox');
    expect(outbox.at(-1)).toMatchObject({ status: 'rejected', errcode });
  });

  test('wxacode.getUnlimited returns a real PNG QR code encoding page and scene', async () => {
    const app = contextApp(emu.url);
    const r = await app.callWxOpenApi({
      apiName: '/wxa/getwxacodeunlimit',
      requestData: { scene: 'hh=abc123', page: 'pages/household/index', width: 300 },
    });
    const body = r.result as { errcode: number; contentType: string; buffer: string; encoded: string };
    expect(body.errcode).toBe(0);
    expect(body.contentType).toBe('image/png');
    const png = Buffer.from(body.buffer, 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(body.encoded).toBe('pages/household/index?scene=hh%3Dabc123');
    // Same text, same encoder → same image: the QR really encodes page + scene.
    const expected = await QRCode.toBuffer(body.encoded, { type: 'png', width: 300, margin: 2 });
    expect(png.equals(expected)).toBe(true);
    const tooLong = await app.callWxOpenApi({
      apiName: 'wxacode.getUnlimited',
      requestData: { scene: 'x'.repeat(33) },
    });
    expect((tooLong.result as { errcode: number }).errcode).toBe(40169);
  });
});

describe('console', () => {
  test('overview shows collections with counts, timers, clock, invocations, outbox and requests', async () => {
    const db = emu.sdkApp().database();
    await db.collection('users').add({ openid: 'o-console', name: '控制台<用户>' });
    await emu.callFn('whoami', { action: 'ping' }, 'o-console');
    const html = await (await fetch(`${emu.url}/_emulator`)).text();
    for (const label of [
      '数据库集合',
      '定时触发器',
      '时钟',
      '最近的函数调用',
      '订阅消息发件箱',
      '最近的请求',
    ]) {
      expect(html).toContain(label);
    }
    expect(html).toMatch(/<a href="\/_emulator\/db\/users">users<\/a><\/td><td>1<\/td>/);
    expect(html).toContain('whoami.ping');
  });

  test('the document browser pages and filters, and escapes content', async () => {
    const page = await (
      await fetch(`${emu.url}/_emulator/db/users?q=${encodeURIComponent('{"openid":"o-console"}')}`)
    ).text();
    expect(page).toContain('控制台&lt;用户&gt;');
    expect(page).not.toContain('控制台<用户>');
    const bad = await (await fetch(`${emu.url}/_emulator/db/users?q=${encodeURIComponent('{oops')}`)).text();
    expect(bad).toContain('bad EJSON');
  });

  test('the clock form shifts the clock', async () => {
    const res = await fetch(`${emu.url}/_emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'spec=%2B2d',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect((await emu.getJson<{ offsetMs: number }>('/_emulator/api/clock')).offsetMs).toBe(2 * 86400e3);
    emu.setClockOffset(0);
  });

  test('/fn bodies never reach the request log', async () => {
    await emu.callFn('whoami', { action: 'ping', input: { idNumber: '110101199003071234' } }, 'o-privacy');
    const all = JSON.stringify([
      await emu.getJson('/_emulator/api/requests'),
      await emu.getJson('/_emulator/api/log'),
      await emu.getJson('/_emulator/api/invocations'),
    ]);
    expect(all).not.toContain('110101199003071234');
  });
});
