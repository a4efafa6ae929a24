import { describe, expect, it } from 'vitest';
import { defaultLoginProviders, settingsFromEnv } from '../../../src/config/settings.js';
import { readTokenInfo } from '../../../src/identitypool/logins/amazon-login.js';
import { readGraphAnswer } from '../../../src/identitypool/logins/facebook-login.js';

const graphError = (error: Record<string, unknown>) => ({ error: { type: 'OAuthException', fbtrace_id: 'trace', ...error } });

describe("Facebook's Graph API answers", () => {
  it('an id in a 200 answer is the user (/me) or the app (/app) the token belongs to', () => {
    expect(readGraphAnswer({ status: 200, body: { id: '10215241773831025' } })).toEqual({ kind: 'accepted', value: '10215241773831025' });
    expect(readGraphAnswer({ status: 200, body: { link: 'https://www.facebook.com/games/?app_id=1', name: 'App', id: '1' } })).toEqual({ kind: 'accepted', value: '1' });
  });

  it('error 190 (and 102) refuse the token; subcode 463 says it expired', () => {
    expect(readGraphAnswer({ status: 400, body: graphError({ message: 'Invalid OAuth access token - Cannot parse access token', code: 190 }) })).toEqual({ kind: 'refused', expired: false });
    expect(readGraphAnswer({ status: 400, body: graphError({ message: 'Error validating access token: Session has expired', code: 190, error_subcode: 463 }) })).toEqual({
      kind: 'refused',
      expired: true,
    });
    expect(readGraphAnswer({ status: 401, body: graphError({ message: 'Invalid session', code: 102 }) })).toEqual({ kind: 'refused', expired: false });
  });

  it('server errors, rate limits, other codes and bodies without an id say nothing about the token', () => {
    expect(readGraphAnswer({ status: 500, body: graphError({ message: 'An unexpected error has occurred.', code: 2, is_transient: true }) })).toEqual({
      kind: 'unusable',
      detail: 'Graph API answered 500, error code 2',
    });
    expect(readGraphAnswer({ status: 500, body: graphError({ code: 190 }) })).toEqual({ kind: 'unusable', detail: 'Graph API answered 500, error code 190' });
    expect(readGraphAnswer({ status: 400, body: graphError({ message: 'Application request limit reached', code: 4 }) })).toEqual({
      kind: 'unusable',
      detail: 'Graph API answered 400, error code 4',
    });
    expect(readGraphAnswer({ status: 200, body: undefined })).toEqual({ kind: 'unusable', detail: 'Graph API answered 200 without JSON' });
    expect(readGraphAnswer({ status: 200, body: { id: 42 } })).toEqual({ kind: 'unusable', detail: 'Graph API answered 200' });
    expect(readGraphAnswer({ status: 200, body: { id: '' } })).toEqual({ kind: 'unusable', detail: 'Graph API answered 200' });
    expect(readGraphAnswer({ status: 200, body: ['1'] })).toEqual({ kind: 'unusable', detail: 'Graph API answered 200' });
  });
});

describe("Login with Amazon's tokeninfo answers", () => {
  const info = { iss: 'https://www.amazon.com', user_id: 'amzn1.account.K2LI23KL2LK2', aud: 'amzn1.application-oa2-client.ASFWDFBRN', app_id: 'amzn1.application.436457DFHDH', exp: 3597, iat: 1311280970 };

  it('names the user and the app by security profile and by client id', () => {
    expect(readTokenInfo({ status: 200, body: info })).toEqual({
      kind: 'accepted',
      value: { subject: 'amzn1.account.K2LI23KL2LK2', apps: ['amzn1.application.436457DFHDH', 'amzn1.application-oa2-client.ASFWDFBRN'] },
    });
    const { app_id: _appId, ...withoutAppId } = info;
    expect(readTokenInfo({ status: 200, body: withoutAppId })).toEqual({ kind: 'accepted', value: { subject: info.user_id, apps: [info.aud] } });
  });

  it('an OAuth error in a 400 or 401 refuses the token; one that mentions expiry says it expired', () => {
    expect(readTokenInfo({ status: 400, body: { error_description: 'The request has an invalid parameter : access_token', error: 'invalid_token' } })).toEqual({ kind: 'refused', expired: false });
    expect(readTokenInfo({ status: 400, body: { error_description: 'The token has expired', error: 'invalid_token' } })).toEqual({ kind: 'refused', expired: true });
    expect(readTokenInfo({ status: 401, body: { error: 'invalid_request' } })).toEqual({ kind: 'refused', expired: false });
  });

  it('server errors, non-JSON bodies and answers without a user or an app are unusable', () => {
    expect(readTokenInfo({ status: 500, body: { error: 'ServerError' } })).toEqual({ kind: 'unusable', detail: 'tokeninfo answered 500' });
    expect(readTokenInfo({ status: 503, body: undefined })).toEqual({ kind: 'unusable', detail: 'tokeninfo answered 503 without JSON' });
    expect(readTokenInfo({ status: 200, body: undefined })).toEqual({ kind: 'unusable', detail: 'tokeninfo answered 200 without JSON' });
    const unusable = { kind: 'unusable', detail: 'tokeninfo answered without user_id, or without app_id and aud' };
    expect(readTokenInfo({ status: 200, body: { ...info, user_id: undefined } })).toEqual(unusable);
    expect(readTokenInfo({ status: 200, body: { ...info, app_id: undefined, aud: undefined } })).toEqual(unusable);
  });
});

describe('login provider settings', () => {
  it('default to the real providers and a five-second timeout', () => {
    expect(settingsFromEnv({}).loginProviders).toEqual(defaultLoginProviders);
    expect(defaultLoginProviders).toEqual({
      facebookGraphUrl: 'https://graph.facebook.com',
      amazonApiUrl: 'https://api.amazon.com',
      googleIssuerUrl: 'https://accounts.google.com',
      appleIssuerUrl: 'https://appleid.apple.com',
      timeoutMs: 5000,
    });
  });

  it('take https URLs anywhere and http on loopback, without a trailing slash', () => {
    const settings = settingsFromEnv({
      COGNATE_FACEBOOK_GRAPH_URL: 'https://graph.facebook.com/v19.0/',
      COGNATE_AMAZON_API_URL: 'https://api.amazon.co.uk',
      COGNATE_GOOGLE_ISSUER_URL: 'http://127.0.0.1:8080',
      COGNATE_APPLE_ISSUER_URL: 'http://localhost:8081/apple',
      COGNATE_LOGIN_PROVIDER_TIMEOUT_MS: '250',
    });
    expect(settings.loginProviders).toEqual({
      facebookGraphUrl: 'https://graph.facebook.com/v19.0',
      amazonApiUrl: 'https://api.amazon.co.uk',
      googleIssuerUrl: 'http://127.0.0.1:8080',
      appleIssuerUrl: 'http://localhost:8081/apple',
      timeoutMs: 250,
    });
  });

  it('refuse plain http off loopback, non-URLs and timeouts that are not a number of milliseconds', () => {
    expect(() => settingsFromEnv({ COGNATE_FACEBOOK_GRAPH_URL: 'http://graph.example' })).toThrow(
      'COGNATE_FACEBOOK_GRAPH_URL must be an https:// URL (http:// only on loopback), not "http://graph.example"',
    );
    expect(() => settingsFromEnv({ COGNATE_AMAZON_API_URL: 'api.amazon.com' })).toThrow('COGNATE_AMAZON_API_URL must be a URL, not "api.amazon.com"');
    for (const value of ['0', '1.5', 'soon', '600000']) {
      expect(() => settingsFromEnv({ COGNATE_LOGIN_PROVIDER_TIMEOUT_MS: value })).toThrow(
        `COGNATE_LOGIN_PROVIDER_TIMEOUT_MS must be a number of milliseconds from 1 to 60000, not "${value}"`,
      );
    }
  });
});
