const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// `EEE MMM d HH:mm:ss 'UTC' yyyy`: the day of month is NOT zero-padded (Cognito rejects `Sep 07`).
const timestampPattern = new RegExp(
  `^(${weekdays.join('|')}) (${months.join('|')}) ([1-9]|[12][0-9]|3[01]) ` +
    '([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]) UTC ([0-9]{4})$',
);

/**
 * The PASSWORD_VERIFIER `TIMESTAMP` as Cognito's clients format it (wire reference 3.5):
 * the exact format, a real calendar date with the right weekday, and close to the server clock.
 */
export function isValidSrpTimestamp(timestamp: string, nowMs: number, toleranceMs = 5 * 60_000): boolean {
  const match = timestampPattern.exec(timestamp);
  if (!match) return false;
  const [, weekday, month, day, hours, minutes, seconds, year] = match as unknown as string[];
  const monthIndex = months.indexOf(month!);
  const date = new Date(0);
  date.setUTCFullYear(Number(year), monthIndex, Number(day));
  date.setUTCHours(Number(hours), Number(minutes), Number(seconds), 0);
  if (date.getUTCMonth() !== monthIndex || date.getUTCDate() !== Number(day)) return false; // e.g. Feb 30
  if (weekdays[date.getUTCDay()] !== weekday) return false;
  return Math.abs(date.getTime() - nowMs) <= toleranceMs;
}
