import { z } from 'zod';
import { fail } from '../../errors.js';
import { userForAccessToken } from '../access-token-user.js';
import { readPage } from '../admin/paging.js';
import type { Context } from '../context.js';
import { passkeyStore, type Passkey } from './store.js';

/** WebAuthnCredentialDescription; CreatedAt in epoch seconds, as every Cognito timestamp. */
export const describePasskey = (passkey: Passkey) => ({
  CredentialId: passkey.id,
  FriendlyCredentialName: passkey.friendlyName,
  RelyingPartyId: passkey.relyingPartyId,
  AuthenticatorTransports: passkey.transports,
  CreatedAt: passkey.createdAt / 1000,
  ...(passkey.attachment ? { AuthenticatorAttachment: passkey.attachment } : {}),
});

/** Without MaxResults (or with 0), a page holds the most the operation allows. */
export const maxPasskeysPerPage = 20;

const cursor = z.object({ at: z.number(), id: z.string() });

/** ListWebAuthnCredentials: oldest first. */
export async function listWebAuthnCredentials(context: Context, request: { AccessToken: string; MaxResults?: number | undefined; NextToken?: string | undefined }) {
  const { user } = await userForAccessToken(context, request.AccessToken);
  const page = await readPage(
    { limit: request.MaxResults ? request.MaxResults : maxPasskeysPerPage, token: request.NextToken, cursor },
    (count, after) => passkeyStore.page(context.db, user, after, count),
    (passkey) => ({ at: passkey.createdAt, id: passkey.id }),
  );
  const Credentials = page.items.map(describePasskey);
  return page.nextToken ? { Credentials, NextToken: page.nextToken } : { Credentials };
}

/** DeleteWebAuthnCredential: one of the user's own passkeys. */
export async function deleteWebAuthnCredential(context: Context, request: { AccessToken: string; CredentialId: string }): Promise<void> {
  const { user } = await userForAccessToken(context, request.AccessToken);
  if (!(await passkeyStore.delete(context.db, user, request.CredentialId))) fail('ResourceNotFoundException', 'Credential not found.');
}
