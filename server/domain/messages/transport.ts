import type { MessageChannel } from "./schemas";

/** A message at the moment of sending: the only place its content exists in plain text. */
export interface OutgoingMessage {
  id: string;
  channel: MessageChannel;
  to: string;
  subject: string | null;
  body: string;
}

/** Hands one message to its carrier; throws when the carrier refuses it (the attempt is retried). */
export type MessageTransport = (message: OutgoingMessage) => Promise<void>;

export type MessageTransports = Record<MessageChannel, MessageTransport>;
