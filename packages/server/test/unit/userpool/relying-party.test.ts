import { describe, expect, it } from 'vitest';
import { originAllowed, relyingPartyOf } from '../../../src/userpool/passkeys/relying-party.js';
import { poolSettingsFromRequest } from '../../../src/userpool/settings-from-request.js';

describe('passkey relying party', () => {
  it('is localhost with preferred user verification when the pool names none, else what WebAuthnConfiguration says', () => {
    expect(relyingPartyOf(poolSettingsFromRequest({ PoolName: 'p' }, 'us-east-1_Rp'))).toEqual({ id: 'localhost', name: 'p', userVerification: 'preferred', multiFactor: false });
    const configured = poolSettingsFromRequest(
      { PoolName: 'q', WebAuthnConfiguration: { RelyingPartyId: 'example.com', UserVerification: 'required', FactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION' } },
      'us-east-1_Rp',
    );
    expect(relyingPartyOf(configured)).toEqual({ id: 'example.com', name: 'q', userVerification: 'required', multiFactor: true });
  });

  it('accepts https pages on the RP ID or its subdomains, on any port, and http only on localhost', () => {
    const allowed = ['https://example.com', 'https://example.com:8443', 'https://login.example.com', 'https://a.b.example.com'];
    const refused = ['http://example.com', 'https://example.com.evil.test', 'https://notexample.com', 'https://example.org', 'https://example.com/path', 'example.com', ''];
    expect(allowed.filter((origin) => originAllowed('example.com', origin))).toEqual(allowed);
    expect(refused.filter((origin) => originAllowed('example.com', origin))).toEqual([]);

    const local = ['http://localhost', 'http://localhost:5173', 'https://localhost:3000'];
    const notLocal = ['http://127.0.0.1:5173', 'http://localhost.evil.test', 'http://app.localhost:5173', 'ftp://localhost'];
    expect(local.filter((origin) => originAllowed('localhost', origin))).toEqual(local);
    expect(notLocal.filter((origin) => originAllowed('localhost', origin))).toEqual([]);
  });
});
