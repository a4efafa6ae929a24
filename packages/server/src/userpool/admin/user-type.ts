import type { User, UserStatus } from '../../store/users.js';
import { toAttributeList, type AttributeType } from '../attributes.js';

/** What the admin answers show of a user. */
export type UserSummary = Pick<User, 'username' | 'sub' | 'attributes' | 'status' | 'enabled' | 'createdAt' | 'updatedAt'>;

/** Cognito's UserType (AdminCreateUser, ListUsers): note `Attributes`, where AdminGetUser says `UserAttributes`. */
export interface UserType {
  Username: string;
  Attributes: AttributeType[];
  UserCreateDate: number;
  UserLastModifiedDate: number;
  Enabled: boolean;
  UserStatus: UserStatus;
}

/** Dates go out as epoch seconds with the milliseconds as a fraction, as Cognito sends them. */
export const epochSecondsWithFraction = (ms: number): number => ms / 1000;

/** `attributesToGet` keeps only the named attributes; absent, every attribute is shown. */
export function userType(user: UserSummary, attributesToGet?: string[]): UserType {
  const all = toAttributeList(user.sub, user.attributes);
  const wanted = attributesToGet && new Set(attributesToGet);
  return {
    Username: user.username,
    Attributes: wanted ? all.filter((attribute) => wanted.has(attribute.Name)) : all,
    UserCreateDate: epochSecondsWithFraction(user.createdAt),
    UserLastModifiedDate: epochSecondsWithFraction(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** AdminGetUser's answer. MFA members are left out until MFA lands. */
export function adminGetUserResponse(user: UserSummary) {
  const { Attributes, ...rest } = userType(user);
  return { ...rest, UserAttributes: Attributes };
}
