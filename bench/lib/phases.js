// The load phases and the ceiling each is measured against.

/**
 * @typedef {object} Phase
 * @property {string} id
 * @property {string} label what the table calls it
 * @property {string} scenario the load process's scenario
 * @property {'default' | 'srp'} concurrency which --concurrency option applies
 * @property {(c: import('./ceilings.js').Ceilings) => { perSecond: number, basis: string } | undefined} ceiling
 * @property {boolean} peer also run against cognito-local
 */

/** @type {Phase[]} */
export const phases = [
  {
    id: 'password',
    label: 'USER_PASSWORD_AUTH sign-in',
    scenario: 'password',
    concurrency: 'default',
    ceiling: (c) => ({ perSecond: c.argon2PerSecond, basis: 'argon2id hashes/s' }),
    peer: true,
  },
  {
    id: 'srp',
    label: 'SRP sign-in (InitiateAuth + RespondToAuthChallenge)',
    scenario: 'srp',
    concurrency: 'srp',
    ceiling: (c) => ({ perSecond: 1 / (3 / c.modPowPerSecond + 2 / c.signPerSecond), basis: '3 modPow + 2 RS256 signatures' }),
    peer: false,
  },
  {
    id: 'refresh',
    label: 'refresh: GetTokensFromRefreshToken',
    scenario: 'refresh',
    concurrency: 'default',
    ceiling: (c) => ({ perSecond: c.signPerSecond / 2, basis: '2 RS256 signatures' }),
    peer: true,
  },
  {
    id: 'refresh-auth',
    label: 'refresh: InitiateAuth REFRESH_TOKEN_AUTH',
    scenario: 'refresh-auth',
    concurrency: 'default',
    ceiling: (c) => ({ perSecond: c.signPerSecond / 2, basis: '2 RS256 signatures' }),
    peer: true,
  },
  {
    id: 'getuser',
    label: 'GetUser',
    scenario: 'getuser',
    concurrency: 'default',
    ceiling: (c) => ({ perSecond: c.verifyPerSecond, basis: '1 RS256 verification' }),
    peer: true,
  },
  {
    id: 'verify',
    label: 'caller check: POST /sigv4/verify',
    scenario: 'verify',
    concurrency: 'default',
    // Five HMACs and one AES-GCM open are microseconds: the bound is the HTTP and store work that GetUser has too.
    ceiling: () => undefined,
    peer: false,
  },
  {
    id: 'signup',
    label: 'SignUp + ConfirmSignUp',
    scenario: 'signup',
    concurrency: 'default',
    ceiling: (c) => ({ perSecond: 1 / (1 / c.argon2PerSecond + 1 / c.modPowPerSecond), basis: 'argon2id hash + 1 modPow' }),
    peer: false,
  },
];

/** The client's own ceiling: the same load process against a do-nothing HTTP server. @type {Phase} */
export const noopPhase = {
  id: 'noop',
  label: 'do-nothing HTTP server (client ceiling)',
  scenario: 'noop',
  concurrency: 'default',
  ceiling: () => undefined,
  peer: false,
};

export const phaseIds = [noopPhase.id, ...phases.map((p) => p.id)];
