import { verifyPath } from '@cognate/sigv4';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { StsError } from '../sts/errors.js';
import { verifyCaller } from '../sts/verify-caller.js';
import type { Context } from '../userpool/context.js';
import { pathOf } from './well-known.js';
import { json, type HttpResponse } from './response.js';

const claimSchema = z.strictObject({
  AccessKeyId: z.string().min(16).max(128),
  SessionToken: z.string().min(1).max(2048),
  StringToSign: z.string().min(1).max(1024),
  Signature: z.string().regex(/^[0-9a-f]{64}$/),
});

export const isVerifySignaturePath = (url: string | undefined) => pathOf(url) === verifyPath;

/**
 * POST /sigv4/verify: services (through @cognate/sigv4) ask whether a signature was made with
 * credentials Cognate vended. Faults answer as JSON with STS's codes and statuses.
 */
export async function answerVerifySignature(context: Context, _request: IncomingMessage, body: Buffer): Promise<HttpResponse> {
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return json(400, { __type: 'SerializationException', message: 'The request body is not JSON.' });
  }
  const claim = claimSchema.safeParse(input);
  if (!claim.success) {
    const issue = claim.error.issues[0]!;
    return json(400, { __type: 'ValidationError', message: `${issue.path.join('.') || 'body'}: ${issue.message}` });
  }
  try {
    return json(200, await verifyCaller(context, claim.data));
  } catch (error) {
    if (!(error instanceof StsError) || error.code === 'InternalFailure') throw error;
    return json(error.httpStatus, { __type: error.code, message: error.message });
  }
}
