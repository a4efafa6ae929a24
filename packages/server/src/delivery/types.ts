export type Channel = 'EMAIL' | 'SMS';

/** One message to one user: a code, an invitation or a notice. */
export interface Message {
  poolId: string | null;
  channel: Channel;
  /** An email address or an E.164 phone number. */
  to: string;
  subject?: string;
  body: string;
  /** The code the body carries, kept apart so the dev outbox can show it plainly. */
  code?: string;
}

export interface Delivery {
  /** Throws CodeDeliveryFailureException when the message cannot be handed over. */
  send(message: Message): Promise<void>;
}
