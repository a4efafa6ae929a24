/**
 * @simplewebauthn/server, loaded on first use: a server whose pools never see a passkey does not
 * spend start-up time on it (docs/decisions/0010-passkeys.md). The bundle keeps it outside too.
 */
export const webAuthnLibrary = () => import('@simplewebauthn/server');
export const webAuthnHelpers = () => import('@simplewebauthn/server/helpers');
