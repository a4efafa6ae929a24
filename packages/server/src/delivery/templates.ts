/** Cognito's texts when a pool configures none. */
export const defaultTemplates = {
  emailVerificationSubject: 'Your verification code',
  emailVerificationMessage: 'Your verification code is {####}.',
  smsVerificationMessage: 'Your verification code is {####}.',
  invitationEmailSubject: 'Your temporary password',
  invitationEmailMessage: 'Your username is {username} and temporary password is {####}.',
  invitationSmsMessage: 'Your username is {username} and temporary password is {####}',
} as const;

export interface TemplateValues {
  code?: string;
  username?: string;
}

/** Placeholders without a value stay as they are, so a mistake shows instead of vanishing. */
export function renderTemplate(template: string, values: TemplateValues): string {
  let text = template;
  // A replacer function, because a string replacement would interpret `$&` and friends.
  if (values.code !== undefined) text = text.replaceAll('{####}', () => values.code!);
  if (values.username !== undefined) text = text.replaceAll('{username}', () => values.username!);
  return text;
}

/** `jane@example.com` → `j***@e***`, as in CodeDeliveryDetails.Destination. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return `${email.slice(0, 1)}***`;
  return `${email.slice(0, 1)}***@${email.slice(at + 1, at + 2)}***`;
}

/** `+15555550100` → `+*******0100`: only the last four digits stay. */
export function maskPhone(phone: string): string {
  const plus = phone.startsWith('+') ? '+' : '';
  const digits = phone.slice(plus.length);
  const kept = digits.slice(-4);
  return plus + '*'.repeat(digits.length - kept.length) + kept;
}
