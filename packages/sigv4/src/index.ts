// @cognate/sigv4: AWS Signature Version 4 verification for services whose clients sign with the
// temporary credentials Cognate's identity pools vend. The pieces are exported too, for verifiers
// that know the secret themselves.
export type { PolicyDocument, PolicyStatement, RolePolicy, VerifiedCaller } from './caller.js';
export { createCognateVerifier, verifyPath, type CognateVerifierOptions, type RequestVerifier } from './cognate-verifier.js';
export { sigv4Middleware, type SignedIncomingMessage } from './middleware.js';
export { SignatureError, type SignatureErrorCode } from './errors.js';
export { readSignedRequest, type ReadOptions, type SignedRequest } from './signed-request.js';
export { signatureMatches } from './signature.js';
export { checkAlgorithm, parseAuthorizationHeader, parseCredentialScope, signingAlgorithm, type AuthorizationHeader, type CredentialScope } from './authorization.js';
export { canonicalQuery, canonicalRequest, canonicalUri, headerValues, sha256Hex, signatureOf, signingKey, stringToSign, uriEncode, type CanonicalRequestParts, type RequestToVerify } from './canonical.js';
export { checkSignatureTime, formatAmzDate, parseAmzDate } from './date.js';
