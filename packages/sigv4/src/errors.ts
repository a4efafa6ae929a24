/** The faults a signature check finds, named as AWS's JSON protocols name them. */
export type SignatureErrorCode =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'InvalidClientTokenId'
  | 'ExpiredToken'
  | 'SignatureDoesNotMatch'
  | 'ServiceUnavailable';

/** A request whose signature does not hold; `status` is what a service answers for it. */
export class SignatureError extends Error {
  constructor(
    readonly code: SignatureErrorCode,
    message: string,
  ) {
    super(message);
    this.name = code;
  }

  get status(): number {
    if (this.code === 'ServiceUnavailable') return 503;
    return this.code === 'IncompleteSignatureException' ? 400 : 403;
  }
}
