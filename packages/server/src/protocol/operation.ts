import type { z } from 'zod';
import type { Context } from '../userpool/context.js';

/**
 * How a caller proves it may call an operation: `public` operations are authorised by what they
 * carry (ClientId, Session, tokens); `sigv4` operations are the ones the AWS SDK signs, and need an
 * AWS Signature Version 4 by an admin key (reference §1.5).
 */
export type OperationAuth = 'public' | 'sigv4';

/** One operation of a JSON 1.1 API: its input shape and the function that serves it. */
export interface Operation<Input = any> {
  auth: OperationAuth;
  input: z.ZodType<Input>;
  handle(context: Context, input: Input): Promise<object>;
}

export const operation = <Input>(input: z.ZodType<Input>, handle: (context: Context, input: Input) => Promise<object>): Operation<Input> => ({
  auth: 'public',
  input,
  handle,
});

export const adminOperation = <Input>(input: z.ZodType<Input>, handle: (context: Context, input: Input) => Promise<object>): Operation<Input> => ({
  auth: 'sigv4',
  input,
  handle,
});
