import { z } from 'zod';

/** Member shapes of the pool, client and group operations, with the constraints of Cognito's API model. */
export const userPoolId = z.string().min(1).max(55).regex(/^[\w-]+_[0-9a-zA-Z]+$/);
export const groupName = z.string().min(1).max(128).regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u);
export const groupDescription = z.string().max(2048);
export const roleArn = z
  .string()
  .min(20)
  .max(2048)
  .regex(/^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/);
export const precedence = z.number().int().min(0).max(2_147_483_647);
/** Limit of the group lists (0 asks for the default page). */
export const queryLimit = z.number().int().min(0).max(60);
/** MaxResults of the pool and client lists. */
export const maxResults = z.number().int().min(1).max(60);
export const paginationKey = z.string().min(1).regex(/^[\S]+$/);

/** CreateGroup and UpdateGroup take the same members. */
export const groupRequest = {
  UserPoolId: userPoolId,
  GroupName: groupName,
  Description: groupDescription.optional(),
  RoleArn: roleArn.optional(),
  Precedence: precedence.optional(),
};
