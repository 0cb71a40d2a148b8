import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { WirewatchError } from '../errors.js';

/**
 * Reads a response body into memory with a byte cap enforced while streaming, on the bytes off
 * the wire and again on the bytes after decompression — a 10 kB gzip bomb that inflates to
 * gigabytes is stopped at the cap, not after it has filled the heap. We decompress ourselves
 * (undici's `request` does not) so the cap sits after the decompressor.
 */
export async function readCappedBody(body: Readable, contentEncoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const decoders = createDecoders(contentEncoding);
  const chunks: Buffer[] = [];
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > maxBytes) return done(tooLarge(maxBytes, 'after decompression'));
      chunks.push(chunk);
      done();
    },
  });
  try {
    await pipeline([body, capBytes(maxBytes), ...decoders, sink]);
  } catch (error) {
    body.destroy();
    if (error instanceof WirewatchError) throw error;
    if (isZlibError(error))
      throw new WirewatchError('feed_unparseable', `corrupt ${contentEncoding ?? ''} body: ${(error as Error).message}`, { cause: error });
    throw error;
  }
  return Buffer.concat(chunks, total);
}

function capBytes(maxBytes: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > maxBytes) return done(tooLarge(maxBytes, 'on the wire'));
      done(null, chunk);
    },
  });
}

/** `Content-Encoding: gzip, br` means gzip was applied first, so decode in reverse order. */
function createDecoders(contentEncoding: string | undefined): Transform[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity')
    .reverse();
  return codings.map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return createGunzip();
      case 'deflate':
        return createInflate();
      case 'br':
        return createBrotliDecompress();
      default:
        throw new WirewatchError('feed_unparseable', `unsupported Content-Encoding '${coding}'`);
    }
  });
}

function tooLarge(maxBytes: number, where: string): WirewatchError {
  return new WirewatchError('feed_too_large', `body exceeds ${maxBytes} bytes ${where}`, { detail: { maxBytes } });
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
