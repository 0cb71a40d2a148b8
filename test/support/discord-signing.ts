import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** A test Ed25519 key pair, the public half as the hex string the Developer Portal shows. */
export function createDiscordKeyPair(): { publicHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { publicHex: Buffer.from(x, 'base64url').toString('hex'), privateKey };
}

export interface SignOptions {
  key: KeyObject;
  /** Unix seconds; now by default. */
  timestamp?: number;
  /** Changes the body after signing (a tampered request). */
  alter?: (body: string) => string;
}

/** POSTs an interaction to an HTTP endpoint the way Discord does: Ed25519 over timestamp + body. */
export async function postSignedInteraction(url: string, payload: unknown, options: SignOptions) {
  const body = JSON.stringify(payload);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), options.key).toString('hex');
  return postInteraction(url, options.alter ? options.alter(body) : body, {
    'x-signature-ed25519': signature,
    'x-signature-timestamp': timestamp,
  });
}

export async function postInteraction(url: string, body: string, headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
