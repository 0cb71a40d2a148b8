import { Client, GatewayDispatchEvents, GatewayIntentBits, Routes, type APIInteraction, type REST } from 'discord.js';
import { handleInteraction, type InteractionDeps, type InteractionTransport } from './handle-interaction.js';

export interface GatewayBotOptions extends InteractionDeps {
  token: string;
  apiUrl: string;
}

export interface GatewayBot {
  client: Client;
  close(): Promise<void>;
}

/**
 * The bot on the gateway. Only the Guilds intent: interactions arrive without any intent, and no
 * privileged intent (message content, members) is needed or asked for.
 */
export async function startGatewayBot(options: GatewayBotOptions): Promise<GatewayBot> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: options.apiUrl } });
  // The raw payload, not discord.js's Interaction class: the same handler then serves the
  // gateway and the HTTP endpoint.
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => {
    handleInteraction(interaction, callbackTransport(client.rest, interaction), options).catch((error: unknown) =>
      options.logger.error({ err: error, interaction: interaction.id }, 'interaction failed'),
    );
  });
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(options.token);
  await ready;
  return {
    client,
    async close() {
      await client.destroy();
    },
  };
}

/** Replies always go over HTTP, even for interactions that came through the gateway. */
export function callbackTransport(rest: REST, interaction: APIInteraction): InteractionTransport {
  return {
    async respond(response) {
      await rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
    },
    async editOriginal(body) {
      await rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token), { body, auth: false });
    },
  };
}
