import type { User } from '../store/users.js';
import type { ClientAndPool } from '../userpool/clients.js';
import { regionOf } from '../userpool/pool.js';

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

/** The party a trigger is about: a user, or under PreventUserExistenceErrors the name typed for one that does not exist. */
export type EventSubject = { user: User } | { unknownUsername: string };

export function triggerEvent(
  { client, pool }: ClientAndPool,
  subject: EventSubject,
  triggerSource: string,
  request: Record<string, unknown>,
  response: Record<string, unknown>,
): TriggerEvent {
  return {
    version: '1',
    triggerSource,
    region: regionOf(pool.Id),
    userPoolId: pool.Id,
    userName: 'user' in subject ? subject.user.username : subject.unknownUsername,
    // The API's callers are not told apart here: Cognito's own value for an unidentified SDK.
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: client.ClientId },
    request: { userAttributes: 'user' in subject ? userAttributesOf(subject.user) : {}, ...request },
    response,
  };
}

/** Attribute values as strings, with `sub` and the user's status as Cognito adds them. */
export function userAttributesOf(user: User): Record<string, string> {
  return { sub: user.sub, ...user.attributes, 'cognito:user_status': user.status };
}
