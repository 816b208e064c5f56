import type { MessageTransport } from "@/server/domain/messages/transport";

const timeoutMs = 10_000;

/**
 * SMS through an HTTP gateway: POST `{ to, body, reference }` as JSON; any 2xx is accepted.
 * A refusal reports only the status, since a gateway may echo the body (which holds a code).
 */
export function smsGatewayTransport(gatewayUrl: string): MessageTransport {
  return async (message) => {
    const res = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ to: message.to, body: message.body, reference: message.id }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`The SMS gateway answered ${res.status} ${res.statusText}.`.trim());
  };
}
