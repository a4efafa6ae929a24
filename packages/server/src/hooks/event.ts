import type { User } from '../store/users.js';
import { regionOf, type UserPoolSettings } from '../userpool/pool.js';

/** The envelope Cognito hands every trigger (developer guide, "shared parameters"), version 1. */
export interface TriggerEvent {
  version: '1';
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

/** Who a trigger is about, as the event names them. */
export interface EventUser {
  userName: string;
  userAttributes: Record<string, string>;
}

/** Admin operations name no app client; Cognito says so in the event. */
export const noClient = 'CLIENT_ID_NOT_APPLICABLE';

export function triggerEvent(
  pool: UserPoolSettings,
  clientId: string,
  { userName, userAttributes }: EventUser,
  triggerSource: string,
  request: Record<string, unknown>,
  response: Record<string, unknown>,
): TriggerEvent {
  return {
    version: '1',
    triggerSource,
    region: regionOf(pool.Id),
    userPoolId: pool.Id,
    userName,
    // The API's callers are not told apart here: Cognito's own value for an unidentified SDK.
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
    request: { userAttributes, ...request },
    response,
  };
}

/** A stored user as triggers see them: attribute values as strings, with `sub` and the status as Cognito adds them. */
export const eventUserOf = (user: User): EventUser => ({
  userName: user.username,
  userAttributes: { sub: user.sub, ...user.attributes, 'cognito:user_status': user.status },
});

/** Under PreventUserExistenceErrors, the name typed for a user that does not exist. */
export const unknownEventUser = (typed: string): EventUser => ({ userName: typed, userAttributes: {} });
