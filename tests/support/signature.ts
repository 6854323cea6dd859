import type { TestEmulator } from './emulator';

/** A 1×1 PNG: the smallest file that passes the server's signature check and embeds in the PDF. */
export const TEST_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Put in a test input's `signatureFileId` to mean "a signature this caller just uploaded": the
 * server accepts only a signature the signer uploaded through contract.uploadSignature, recently
 * (issue 11), so a test cannot share one stored file between callers.
 */
export const OWN_SIGNATURE = 'test-own-signature';

/** Uploads a signature as `openid` through contract.uploadSignature; returns its file id. */
export async function uploadSignatureAs(
  emu: TestEmulator,
  openid: string,
  png: Buffer = TEST_PNG,
): Promise<string> {
  const r = (
    await emu.callFn(
      'contract',
      { action: 'uploadSignature', input: { png: png.toString('base64') } },
      openid,
    )
  ).result as { ok: boolean; code?: string; data?: { signatureFileId: string } };
  if (!r.ok || !r.data) throw new Error(`uploadSignature failed: ${r.code}`);
  return r.data.signatureFileId;
}

const cached = new Map<string, string>();

/**
 * Replaces the OWN_SIGNATURE placeholder in an input with an upload by `openid` — one per caller,
 * reused while the server accepts it (uploads count against the caller's write limit like any
 * write). `fresh` forces a new upload (a cached one went stale after the test moved the clock).
 */
export async function withOwnSignature(
  emu: TestEmulator,
  input: unknown,
  openid: string,
  fresh = false,
): Promise<unknown> {
  const i = input as { signatureFileId?: unknown } | null;
  if (!i || typeof i !== 'object' || i.signatureFileId !== OWN_SIGNATURE) return input;
  const key = `${emu.url} ${openid}`;
  let id = fresh ? undefined : cached.get(key);
  if (!id) {
    // A caller who may not upload (e.g. an institution admin) sends a placeholder: the action
    // under test refuses them first anyway.
    id = await uploadSignatureAs(emu, openid).catch(() => 'cloud://local-dev.x/none.png');
    cached.set(key, id);
  }
  return { ...i, signatureFileId: id };
}

/** Calls a contract action, uploading the caller's own signature where the input asks for one. */
export async function callWithOwnSignature<T extends { ok: boolean; code?: string }>(
  emu: TestEmulator,
  action: string,
  input: unknown,
  openid: string,
): Promise<T> {
  const once = async (fresh: boolean) =>
    (
      await emu.callFn(
        'contract',
        { action, input: await withOwnSignature(emu, input, openid, fresh) },
        openid,
      )
    ).result as T;
  const r = await once(false);
  const usesOwn = (input as { signatureFileId?: unknown } | null)?.signatureFileId === OWN_SIGNATURE;
  return usesOwn && r.code === 'SIGNATURE_INVALID' ? once(true) : r;
}
