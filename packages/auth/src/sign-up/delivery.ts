import type { AuthCodeDeliveryDetails, AuthDeliveryMedium, VerifiableUserAttributeKey } from '../types.js';

export interface CodeDeliveryDetailsType {
  Destination?: string;
  DeliveryMedium?: string;
  AttributeName?: string;
}

/** CodeDeliveryDetails as Amplify names its members. */
export const codeDeliveryDetails = (details: CodeDeliveryDetailsType = {}): AuthCodeDeliveryDetails<VerifiableUserAttributeKey> => ({
  destination: details.Destination,
  deliveryMedium: details.DeliveryMedium as AuthDeliveryMedium,
  attributeName: details.AttributeName as VerifiableUserAttributeKey,
});

export const toAttributeType = (attributes: Record<string, string | undefined>) => Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
