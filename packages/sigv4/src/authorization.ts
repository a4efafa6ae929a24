import { SignatureError } from './errors.js';

export const signingAlgorithm = 'AWS4-HMAC-SHA256';

/** `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`, taken apart. */
export interface AuthorizationHeader {
  algorithm: string;
  credential: string;
  /** Lower-case header names, in the order the signer listed them. */
  signedHeaders: string[];
  signature: string;
}

/** `AKID/20150830/us-east-1/cognito-idp/aws4_request`, taken apart. */
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  /** Everything after the access key id: the scope the string to sign names. */
  scope: string;
}

const incomplete = (message: string) => new SignatureError('IncompleteSignatureException', message);

export function parseAuthorizationHeader(header: string, hasAmzDate: boolean): AuthorizationHeader {
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  const parameters = new Map<string, string>();
  for (const part of space < 0 ? [] : header.slice(space + 1).split(',')) {
    const text = part.trim();
    if (text === '') continue;
    const equals = text.indexOf('=');
    if (equals < 0) throw incomplete(`'${text}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`);
    parameters.set(text.slice(0, equals).trim(), text.slice(equals + 1).trim());
  }
  let missing = '';
  for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!parameters.get(name)) missing += `Authorization header requires '${name}' parameter. `;
  }
  if (!hasAmzDate) missing += "Authorization header requires existence of a 'X-Amz-Date' header. ";
  if (missing) throw incomplete(`${missing}Authorization=${header}`);
  return {
    algorithm,
    credential: parameters.get('Credential')!,
    signedHeaders: parameters.get('SignedHeaders')!.split(';').map((name) => name.trim().toLowerCase()),
    signature: parameters.get('Signature')!,
  };
}

export function checkAlgorithm(algorithm: string): void {
  if (algorithm !== signingAlgorithm) throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}' (only ${signingAlgorithm} for now). `);
}

/** The scope must name a well-formed region, this service, the signing day and the `aws4_request` terminator. */
export function parseCredentialScope(credential: string, amzDate: string, service: string): CredentialScope {
  const parts = credential.split('/');
  if (parts.length !== 5) {
    throw incomplete(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`);
  }
  const [accessKeyId, date, region, scopeService, terminator] = parts as [string, string, string, string, string];
  const problems: string[] = [];
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) problems.push(`Credential should be scoped to a valid region, not '${region}'.`);
  if (scopeService !== service) problems.push(`Credential should be scoped to correct service: '${service}'.`);
  if (terminator !== 'aws4_request') problems.push(`Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`);
  const day = amzDate.slice(0, 8);
  if (date !== day) problems.push(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${day}', from '${amzDate}'.`);
  if (problems.length > 0) throw new SignatureError('InvalidSignatureException', problems.join(' '));
  return { accessKeyId, date, region, service, scope: `${date}/${region}/${service}/aws4_request` };
}
