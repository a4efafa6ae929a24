import type { SchemaAttribute } from './pool.js';

/** OpenID Connect standard claims Cognito accepts as attributes without a schema entry. */
export const standardAttributeNames = [
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
] as const;

const standard = new Set<string>(standardAttributeNames);

export type Attributes = Record<string, string>;

export interface AttributeType {
  Name: string;
  Value?: string | undefined;
}

export const isKnownAttribute = (schema: SchemaAttribute[], name: string): boolean =>
  name === 'sub' || standard.has(name) || schema.some((a) => attributeWireName(a) === name);

/** Custom attributes are declared by bare name and used with the `custom:` prefix. */
export const attributeWireName = (attribute: SchemaAttribute): string =>
  standard.has(attribute.Name) || attribute.Name === 'sub' || attribute.Name.startsWith('custom:')
    ? attribute.Name
    : `custom:${attribute.Name}`;

export const toAttributeList = (sub: string, attributes: Attributes): AttributeType[] => [
  { Name: 'sub', Value: sub },
  ...Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
];

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
