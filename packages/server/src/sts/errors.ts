/** STS's Query-protocol error codes (its own names, not the JSON protocols' `…Exception`). */
export type StsErrorCode =
  | 'AccessDenied'
  | 'ExpiredToken'
  | 'ExpiredTokenException'
  | 'IncompleteSignature'
  | 'InternalFailure'
  | 'InvalidAction'
  | 'InvalidClientTokenId'
  | 'InvalidIdentityToken'
  | 'InvalidParameterValue'
  | 'MissingAuthenticationToken'
  | 'SignatureDoesNotMatch'
  | 'ValidationError';

const forbidden = new Set<StsErrorCode>(['AccessDenied', 'ExpiredToken', 'IncompleteSignature', 'InvalidClientTokenId', 'MissingAuthenticationToken', 'SignatureDoesNotMatch']);

export class StsError extends Error {
  constructor(
    readonly code: StsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = code;
  }

  get httpStatus(): number {
    if (this.code === 'InternalFailure') return 500;
    return forbidden.has(this.code) ? 403 : 400;
  }

  /** Only our own faults are the receiver's. */
  get faultType(): 'Sender' | 'Receiver' {
    return this.code === 'InternalFailure' ? 'Receiver' : 'Sender';
  }
}

export const stsFail = (code: StsErrorCode, message: string): never => {
  throw new StsError(code, message);
};

export const stsMessages = {
  invalidClientToken: 'The security token included in the request is invalid.',
  expiredClientToken: 'The security token included in the request is expired',
  missingAuthentication: 'Request is missing Authentication Token',
  signatureMismatch:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
} as const;
