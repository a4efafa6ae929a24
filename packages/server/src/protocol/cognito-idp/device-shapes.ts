import { z } from 'zod';

/** Member shapes of the device operations, with the constraints of Cognito's API model. */
export const deviceKey = z.string().min(1).max(55).regex(/^[\w-]+_[0-9a-f-]+$/);
export const deviceRememberedStatus = z.enum(['remembered', 'not_remembered']);
export const deviceListLimit = z.number().int().min(0).max(60);
export const paginationToken = z.string().min(1).regex(/^[\S]+$/);
