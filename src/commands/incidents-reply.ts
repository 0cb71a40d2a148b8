import type { Clock, Logger } from '../domain/index.js';
import { resolveRegionQuery } from '../geo/index.js';
import type { CommandReply } from '../format/replies.js';
import { formatIncidentList } from '../format/format-incident-list.js';
import { parseIncidentsArgs, runIncidentsCommand } from './incidents-command.js';
import { replyOrError } from './subscription-commands.js';

export const INCIDENTS_USAGE = '/incidents [region] [strikes|talks] [6h|2d|1w] [limit=N]';

/** `/incidents …` as typed, to the neutral reply the adapters render (a page, or a coded error). */
export async function runIncidentsReply(
  text: string,
  deps: Parameters<typeof runIncidentsCommand>[1] & { clock: Clock; logger?: Logger },
): Promise<CommandReply> {
  return replyOrError(INCIDENTS_USAGE, deps, async () => {
    const request = parseIncidentsArgs(text, resolveRegionQuery);
    const page = await runIncidentsCommand(request, deps);
    return formatIncidentList(page.incidents, {
      filters: {
        ...(request.kind ? { kind: request.kind } : {}),
        ...(request.region ? { regionName: request.region.name } : {}),
        ...(request.since ? { sinceText: request.since.text } : {}),
      },
      ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
    });
  });
}
