import type { VendedCredentials } from '../identitypool/credentials.js';
import type { Context } from '../userpool/context.js';
import type { XmlElement } from './xml.js';

export interface StsCall {
  /** Query string and form body together, as STS reads them. */
  params: URLSearchParams;
  /** The credentials that signed the request; set for signed operations only. */
  caller?: VendedCredentials;
}

export interface StsAnswer {
  /** The `<Action>Result` element's children. */
  result: XmlElement;
  headers?: Record<string, string>;
}

export interface StsOperation {
  /** Signed operations are served only to requests signed with credentials Cognate vended. */
  signed: boolean;
  handle(context: Context, call: StsCall): Promise<StsAnswer>;
}
