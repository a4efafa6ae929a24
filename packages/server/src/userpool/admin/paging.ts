import type { z } from 'zod';
import { fail } from '../../errors.js';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface PageRequest<Cursor> {
  limit: number;
  token: string | undefined;
  /** The shape of the position a token carries; a token of another shape is refused. */
  cursor: z.ZodType<Cursor>;
}

/**
 * Keyset pagination: a token names the last item of the previous page, so items created or deleted
 * between two pages are neither skipped nor repeated. One more item than asked tells whether
 * another page follows.
 */
export async function readPage<T, Cursor>(
  request: PageRequest<Cursor>,
  fetch: (limit: number, after: Cursor | undefined) => Promise<T[]>,
  cursorOf: (item: T) => Cursor,
): Promise<Page<T>> {
  const after = request.token === undefined ? undefined : decodeToken(request.token, request.cursor);
  const rows = await fetch(request.limit + 1, after);
  const items = rows.slice(0, request.limit);
  return rows.length > request.limit ? { items, nextToken: encodeToken(cursorOf(items[items.length - 1]!)) } : { items };
}

const encodeToken = (cursor: unknown): string => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

function decodeToken<Cursor>(token: string, shape: z.ZodType<Cursor>): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = shape.safeParse(value);
  return parsed.success ? parsed.data : fail('InvalidParameterException', 'Invalid pagination token.');
}

/** Without a limit (or with 0) a page holds the most any list operation allows. */
export const pageSize = (limit: number | undefined): number => (limit ? limit : 60);
