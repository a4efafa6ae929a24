import { z } from 'zod';
import { fail } from '../../errors.js';
import { groupStore, type Group } from '../../store/groups.js';
import { uniqueViolation } from '../../store/unique-violation.js';
import type { Context } from '../context.js';
import { resolvePool, resolveUser } from '../pools.js';
import { pageSize, readPage } from './paging.js';
import { epochSecondsWithFraction, userType } from './user-type.js';

export interface GroupRequest {
  Description?: string | undefined;
  RoleArn?: string | undefined;
  Precedence?: number | undefined;
}

export interface ListRequest {
  Limit?: number | undefined;
  NextToken?: string | undefined;
}

/** GroupType; members never set are left out. */
const describeGroup = (group: Group) => ({
  GroupName: group.name,
  UserPoolId: group.poolId,
  ...(group.description === null ? {} : { Description: group.description }),
  ...(group.roleArn === null ? {} : { RoleArn: group.roleArn }),
  ...(group.precedence === null ? {} : { Precedence: group.precedence }),
  CreationDate: epochSecondsWithFraction(group.createdAt),
  LastModifiedDate: epochSecondsWithFraction(group.updatedAt),
});

const groupNotFound = (): never => fail('ResourceNotFoundException', 'Group not found.');

/** The group an operation names, in a pool that must exist. */
export async function resolveGroup(context: Context, poolId: string, name: string): Promise<Group> {
  await resolvePool(context, poolId);
  return (await groupStore.get(context.db, poolId, name)) ?? groupNotFound();
}

export async function createGroup(context: Context, poolId: string, name: string, request: GroupRequest) {
  await resolvePool(context, poolId);
  const now = context.clock.now();
  const group: Group = {
    poolId,
    name,
    description: request.Description ?? null,
    roleArn: request.RoleArn ?? null,
    precedence: request.Precedence ?? null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await groupStore.insert(context.db, group);
  } catch (error) {
    if (uniqueViolation(error)) fail('GroupExistsException', 'A group with the name already exists.');
    throw error;
  }
  return { Group: describeGroup(group) };
}

export async function getGroup(context: Context, poolId: string, name: string) {
  return { Group: describeGroup(await resolveGroup(context, poolId, name)) };
}

/** Members given replace the stored ones; members left out stay. */
export async function updateGroup(context: Context, poolId: string, name: string, request: GroupRequest) {
  await resolveGroup(context, poolId, name);
  const changes = { description: request.Description, roleArn: request.RoleArn, precedence: request.Precedence };
  if (!(await groupStore.update(context.db, poolId, name, changes, context.clock.now()))) groupNotFound();
  return { Group: describeGroup(await resolveGroup(context, poolId, name)) };
}

export async function deleteGroup(context: Context, poolId: string, name: string) {
  await resolvePool(context, poolId);
  if (!(await groupStore.delete(context.db, poolId, name))) groupNotFound();
  return {};
}

const nameCursor = z.tuple([z.string()]);

const pageOf = (request: ListRequest) => ({
  limit: pageSize(request.Limit),
  token: request.NextToken,
  cursor: nameCursor,
});

const withNextToken = (nextToken: string | undefined) => (nextToken ? { NextToken: nextToken } : {});

export async function listGroups(context: Context, poolId: string, request: ListRequest) {
  await resolvePool(context, poolId);
  const page = await readPage(pageOf(request), (limit, after) => groupStore.list(context.db, poolId, limit, after?.[0]), (group) => [group.name] as [string]);
  return { Groups: page.items.map(describeGroup), ...withNextToken(page.nextToken) };
}

export async function addUserToGroup(context: Context, poolId: string, username: string, name: string) {
  const pool = await resolvePool(context, poolId);
  const user = await resolveUser(context, pool, username);
  await resolveGroup(context, poolId, name);
  try {
    await groupStore.addMember(context.db, poolId, name, user.sub);
  } catch (error) {
    // The group may have been deleted since it was looked up.
    await resolveGroup(context, poolId, name);
    throw error;
  }
  return {};
}

export async function removeUserFromGroup(context: Context, poolId: string, username: string, name: string) {
  const pool = await resolvePool(context, poolId);
  const user = await resolveUser(context, pool, username);
  await resolveGroup(context, poolId, name);
  await groupStore.removeMember(context.db, poolId, name, user.sub);
  return {};
}

export async function listGroupsForUser(context: Context, poolId: string, username: string, request: ListRequest) {
  const pool = await resolvePool(context, poolId);
  const user = await resolveUser(context, pool, username);
  const page = await readPage(
    pageOf(request),
    (limit, after) => groupStore.groupsOf(context.db, poolId, user.sub, limit, after?.[0]),
    (group) => [group.name] as [string],
  );
  return { Groups: page.items.map(describeGroup), ...withNextToken(page.nextToken) };
}

export async function listUsersInGroup(context: Context, poolId: string, name: string, request: ListRequest) {
  await resolveGroup(context, poolId, name);
  const page = await readPage(
    pageOf(request),
    (limit, after) => groupStore.membersOf(context.db, poolId, name, limit, after?.[0]),
    (member) => [member.usernameKey] as [string],
  );
  return { Users: page.items.map((member) => userType(member)), ...withNextToken(page.nextToken) };
}
