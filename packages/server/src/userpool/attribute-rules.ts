import { fail } from '../errors.js';
import { isKnownAttribute, type AttributeType, type Attributes } from './attributes.js';
import type { UserPoolSettings } from './pool.js';

const emailPattern = /^[^\s@]+@[^\s@]+$/;
const phonePattern = /^\+[0-9]{4,15}$/;

/** Checks attribute names and formats against the pool's schema and returns them as a record. */
export function checkAttributes(pool: UserPoolSettings, list: AttributeType[]): Attributes {
  const attributes: Attributes = {};
  for (const { Name, Value } of list) {
    if (!isKnownAttribute(pool.SchemaAttributes, Name)) {
      fail('InvalidParameterException', `Attributes did not conform to the schema: Type for attribute {${Name}} could not be determined`);
    }
    if (Name === 'sub') fail('InvalidParameterException', 'Attributes did not conform to the schema: sub: Attribute cannot be updated.');
    const value = Value ?? '';
    if (value.length > 2048) fail('InvalidParameterException', `Attributes did not conform to the schema: ${Name}: String must be no longer than 2048 characters`);
    if (Name === 'email' && !emailPattern.test(value)) fail('InvalidParameterException', 'Invalid email address format.');
    if (Name === 'phone_number' && !phonePattern.test(value)) fail('InvalidParameterException', 'Invalid phone number format.');
    attributes[Name] = value;
  }
  return attributes;
}

/** Schema attributes marked Required must be present at sign-up. */
export function checkRequiredAttributes(pool: UserPoolSettings, attributes: Attributes): void {
  for (const attribute of pool.SchemaAttributes) {
    if (attribute.Required && !attributes[attribute.Name]) {
      fail('InvalidParameterException', `Attributes did not conform to the schema: ${attribute.Name}: The attribute is required`);
    }
  }
}
