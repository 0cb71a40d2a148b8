import { isWirewatchError, type WirewatchError } from '../../src/errors.js';

/** The coded error a call fails with; any other error is rethrown, and success fails the test. */
export async function codedFailure(promise: Promise<unknown>): Promise<WirewatchError> {
  try {
    await promise;
  } catch (error) {
    if (isWirewatchError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a coded error');
}
