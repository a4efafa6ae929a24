import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CognitoError } from '../../../src/errors.js';
import { parseInput, withoutNulls } from '../../../src/protocol/validation.js';

const shape = z.object({ ClientId: z.string().min(1), Password: z.string().min(6), UserAttributes: z.array(z.object({ Name: z.string() })).optional() });

const errorOf = (body: unknown) => {
  try {
    parseInput(shape, body);
  } catch (error) {
    expect(error).toBeInstanceOf(CognitoError);
    return { type: (error as CognitoError).type, message: (error as CognitoError).message };
  }
  throw new Error('expected a refusal');
};

describe('request validation', () => {
  it('drops nulls at every depth', () => {
    expect(withoutNulls({ a: null, b: { c: null, d: 1 }, e: [{ f: null }] })).toEqual({ b: { d: 1 }, e: [{}] });
  });

  it('reports wrong JSON types as SerializationException with the member path', () => {
    expect(errorOf({ ClientId: 'c', Password: 'secret1', UserAttributes: [{ Name: 5 }] })).toEqual({
      type: 'SerializationException',
      message: "Unexpected value type at 'userAttributes.1.member.name': expected string",
    });
  });

  it('words constraint failures as AWS does and never echoes a password', () => {
    expect(errorOf({ ClientId: '', Password: 'abc' })).toEqual({
      type: 'InvalidParameterException',
      message:
        "2 validation errors detected: Value '' at 'clientId' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6",
    });
  });
});
