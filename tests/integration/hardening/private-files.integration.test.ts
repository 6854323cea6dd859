import { startTestEmulator, type TestEmulator } from '../../support/emulator';

// Probe finding 6 (storage half): the local gateway served any stored file — contract PDFs,
// signature images — to whoever knew its path. Files are now private: only a temp URL issued
// through the admin SDK (by a function that authorised its caller) opens one, until it expires.
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu?.close());

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);

describe('storage downloads need a temp URL', () => {
  it('refuses the bare path of a private file, serves its temp URL, refuses a tampered one', async () => {
    const app = emu.sdkApp();
    const up = await app.uploadFile({ cloudPath: 'contracts/c_probe/active-ABCD.pdf', fileContent: png });
    const bare = await fetch(`${emu.url}/_storage/files/contracts/c_probe/active-ABCD.pdf`);
    expect(bare.status).toBe(403);
    expect(await bare.text()).not.toContain('PNG');

    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 60 }] });
    const url = fileList[0]?.tempFileURL ?? '';
    const ok = await fetch(encodeURI(url));
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(png);

    // The signature binds the path: the same signature on another file opens nothing.
    const other = await app.uploadFile({ cloudPath: 'signatures/u_x/other.png', fileContent: png });
    expect(other.fileID).toContain('signatures/');
    const moved = url.replace('contracts/c_probe/active-ABCD.pdf', 'signatures/u_x/other.png');
    expect((await fetch(encodeURI(moved))).status).toBe(403);
    const tampered = url.replace(/sign=([0-9a-f])/, (_m, c: string) => `sign=${c === '0' ? '1' : '0'}`);
    expect((await fetch(encodeURI(tampered))).status).toBe(403);
    // The SDK's own download (a function reading a file) still works through its temp URL.
    expect((await app.downloadFile({ fileID: up.fileID })).fileContent).toEqual(png);
  });

  it('a temp URL stops working when it expires', async () => {
    const app = emu.sdkApp();
    const up = await app.uploadFile({ cloudPath: 'signatures/u_y/s.png', fileContent: png });
    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 1 }] });
    await new Promise((r) => setTimeout(r, 2100));
    expect((await fetch(encodeURI(fileList[0]?.tempFileURL ?? ''))).status).toBe(403);
  });

  it('files under public/ stay world-readable', async () => {
    await emu.sdkApp().uploadFile({ cloudPath: 'public/covers/a.png', fileContent: png });
    expect((await fetch(`${emu.url}/_storage/files/public/covers/a.png`)).status).toBe(200);
  });
});
