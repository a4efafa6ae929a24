import { z } from 'zod';
import type { ClientConfig } from '../../config/schema.js';
import { fail, messages } from '../../errors.js';
import type { Dated } from '../../store/pools.js';
import type { UserPoolClient } from '../client.js';
import type { Context } from '../context.js';
import { newClientId, newClientSecret } from '../ids.js';
import { resolvePool } from '../pools.js';
import { clientSettingsFromRequest } from '../settings-from-request.js';
import { pageSize, readPage } from './paging.js';
import { epochSecondsWithFraction } from './user-type.js';
import { settingsOrInvalid } from './pools.js';

export type CreateClientRequest = Omit<ClientConfig, 'ClientId'>;
export type UpdateClientRequest = Partial<Pick<ClientConfig, 'ClientName'>> & Omit<ClientConfig, 'ClientId' | 'ClientName' | 'ClientSecret' | 'GenerateSecret'>;

/** UserPoolClientType: the stored settings, the secret of a confidential client and the times. */
const describeClient = (client: Dated<UserPoolClient>) => ({
  AllowedOAuthFlowsUserPoolClient: false,
  EnablePropagateAdditionalUserContextData: false,
  ...client.value,
  CreationDate: epochSecondsWithFraction(client.createdAt),
  LastModifiedDate: epochSecondsWithFraction(client.updatedAt),
});

/** The pool's client; a client of another pool is as unknown as a missing one. */
async function datedClient(context: Context, poolId: string, clientId: string): Promise<Dated<UserPoolClient>> {
  await resolvePool(context, poolId);
  const client = await context.pools.getDatedClient(clientId);
  return client && client.value.UserPoolId === poolId ? client : fail('ResourceNotFoundException', messages.clientNotFound(clientId));
}

export async function createUserPoolClient(context: Context, poolId: string, request: CreateClientRequest) {
  await resolvePool(context, poolId);
  const { GenerateSecret, ClientSecret, ...settingsRequest } = request;
  if (ClientSecret !== undefined && GenerateSecret === false) fail('InvalidParameterException', 'ClientSecret cannot be set when GenerateSecret is false.');
  const id = newClientId(context.random);
  const settings = settingsOrInvalid(() => clientSettingsFromRequest(settingsRequest, poolId, id));
  const secret = ClientSecret ?? (GenerateSecret ? newClientSecret(context.random) : null);
  await context.pools.putClient(settings, secret, context.clock.now());
  return { UserPoolClient: describeClient(await datedClient(context, poolId, id)) };
}

export async function describeUserPoolClient(context: Context, poolId: string, clientId: string) {
  return { UserPoolClient: describeClient(await datedClient(context, poolId, clientId)) };
}

/** As Cognito, the request replaces the client's settings (members left out return to defaults); the secret stays. */
export async function updateUserPoolClient(context: Context, poolId: string, clientId: string, request: UpdateClientRequest) {
  const existing = await datedClient(context, poolId, clientId);
  const settings = settingsOrInvalid(() =>
    clientSettingsFromRequest({ ...request, ClientName: request.ClientName ?? existing.value.ClientName }, poolId, clientId),
  );
  await context.pools.putClient(settings, undefined, context.clock.now());
  return { UserPoolClient: describeClient(await datedClient(context, poolId, clientId)) };
}

export async function deleteUserPoolClient(context: Context, poolId: string, clientId: string) {
  await resolvePool(context, poolId);
  if (!(await context.pools.deleteClient(poolId, clientId))) fail('ResourceNotFoundException', messages.clientNotFound(clientId));
  return {};
}

const clientCursor = z.tuple([z.number(), z.string()]);

export async function listUserPoolClients(context: Context, poolId: string, maxResults: number | undefined, nextToken: string | undefined) {
  await resolvePool(context, poolId);
  const page = await readPage(
    { limit: pageSize(maxResults), token: nextToken, cursor: clientCursor },
    (limit, after) => context.pools.listClientSettings(poolId, limit, after),
    (client) => [client.createdAt, client.value.ClientId] as [number, string],
  );
  return {
    UserPoolClients: page.items.map(({ value }) => ({ ClientId: value.ClientId, UserPoolId: value.UserPoolId, ClientName: value.ClientName })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}
