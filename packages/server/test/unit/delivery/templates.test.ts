import { describe, expect, it } from 'vitest';
import { defaultTemplates, maskEmail, maskPhone, renderTemplate } from '../../../src/delivery/templates.js';

describe('renderTemplate', () => {
  it('puts the code into the default texts', () => {
    expect(renderTemplate(defaultTemplates.emailVerificationMessage, { code: '123456' })).toBe(
      'Your verification code is 123456.',
    );
    expect(renderTemplate(defaultTemplates.smsVerificationMessage, { code: '000111' })).toBe(
      'Your verification code is 000111.',
    );
    expect(defaultTemplates.emailVerificationSubject).toBe('Your verification code');
  });

  it('replaces every placeholder, including the username of invitations', () => {
    const text = renderTemplate('Hi {username}, {####} is your password. Again: {####}', {
      code: 'Ab1$&x',
      username: 'jane',
    });
    expect(text).toBe('Hi jane, Ab1$&x is your password. Again: Ab1$&x');
  });

  it('leaves placeholders it has no value for', () => {
    expect(renderTemplate('{username}: {####}', { code: '42' })).toBe('{username}: 42');
  });
});

describe('masking destinations', () => {
  it('masks an email like Cognito', () => {
    expect(maskEmail('jane@example.com')).toBe('j***@e***');
    expect(maskEmail('x@y.org')).toBe('x***@y***');
  });

  it('keeps the plus and the last four digits of a phone number', () => {
    expect(maskPhone('+15555550100')).toBe('+*******0100');
    expect(maskPhone('+447700900123')).toBe('+********0123');
    expect(maskPhone('0100')).toBe('0100');
  });
});
