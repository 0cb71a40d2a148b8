import { WirewatchError } from '../../../src/errors.js';
import type { CliCommand } from '../command.js';

/** A command whose issue has not landed yet: documented usage, honest refusal. */
export function notImplemented(spec: Omit<CliCommand, 'run'>): CliCommand {
  return {
    ...spec,
    run: () => Promise.reject(new WirewatchError('not_implemented', `'wirewatch ${spec.name.join(' ')}' is not implemented yet`)),
  };
}
