import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** Discord signs with the application's Ed25519 key; the hex public key is the raw 32 bytes. */
export function importPublicKey(hex: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

// A signed request older (or newer) than this is a replay, whatever its signature.
export const MAX_SIGNATURE_AGE_SECONDS = 300;

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/**
 * True only for a request Discord signed: Ed25519 over timestamp + raw body, with a timestamp
 * within five minutes of now. Discord sends bad signatures on purpose to test this.
 */
export function isSignedByDiscord(request: SignedRequest, key: KeyObject, nowMs: number): boolean {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
}
