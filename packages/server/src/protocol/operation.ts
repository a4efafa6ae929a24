import type { z } from 'zod';
import type { Context } from '../userpool/context.js';

/** One operation of a JSON 1.1 API: its input shape and the function that serves it. */
export interface Operation<Input = any> {
  input: z.ZodType<Input>;
  handle(context: Context, input: Input): Promise<object>;
}

export const operation = <Input>(input: z.ZodType<Input>, handle: (context: Context, input: Input) => Promise<object>): Operation<Input> => ({
  input,
  handle,
});
