import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Times are epoch milliseconds (BIGINT), documents are JSON text,
 * secrets are sealed (see crypto/seal.ts) and one-time values are stored only as SHA-256 hashes.
 */
export interface Database {
  user_pools: UserPoolRow;
  user_pool_clients: UserPoolClientRow;
  users: UserRow;
  groups: GroupRow;
  group_members: GroupMemberRow;
  codes: CodeRow;
  auth_sessions: AuthSessionRow;
  grants: GrantRow;
  refresh_tokens: RefreshTokenRow;
  signing_keys: SigningKeyRow;
  outbox: OutboxRow;
  user_mfa: UserMfaRow;
  devices: DeviceRow;
  identity_pools: IdentityPoolRow;
  identities: IdentityRow;
  identity_logins: IdentityLoginRow;
  identity_signing_keys: IdentitySigningKeyRow;
  openid_connect_providers: OpenIdConnectProviderRow;
  vended_credentials: VendedCredentialsRow;
  role_policies: RolePolicyRow;
  webauthn_credentials: WebAuthnCredentialRow;
  webauthn_registrations: WebAuthnRegistrationRow;
}

export interface UserPoolRow {
  id: string;
  name: string;
  /** The pool's settings as Cognito's UserPoolType (see userpool/pool.ts). */
  settings: string;
  created_at: number;
  updated_at: number;
}

export interface UserPoolClientRow {
  id: string;
  pool_id: string;
  name: string;
  /** Sealed client secret, or null for a public client. */
  secret_sealed: string | null;
  /** The client's settings as Cognito's UserPoolClientType, without the secret. */
  settings: string;
  created_at: number;
  updated_at: number;
}

export interface UserRow {
  pool_id: string;
  /** The canonical username (a UUID equal to `sub` in email/phone-as-username pools). */
  username: string;
  /** The username as looked up: lower-cased unless the pool is case-sensitive. */
  username_key: string;
  sub: string;
  status: string;
  enabled: number;
  /** JSON object of attribute name to string value, `sub` excluded. */
  attributes: string;
  /** Lower-cased email when it signs the user in (username attribute, or verified alias). */
  email_login: string | null;
  phone_login: string | null;
  preferred_username_login: string | null;
  password_hash: string | null;
  srp_salt: string | null;
  srp_verifier_sealed: string | null;
  password_changed_at: number | null;
  failed_sign_ins: number;
  locked_until: number | null;
  created_at: number;
  updated_at: number;
}

export interface GroupRow {
  pool_id: string;
  name: string;
  description: string | null;
  role_arn: string | null;
  precedence: number | null;
  created_at: number;
  updated_at: number;
}

export interface GroupMemberRow {
  pool_id: string;
  group_name: string;
  sub: string;
}

export interface CodeRow {
  pool_id: string;
  sub: string;
  /** What the code proves: `sign-up`, `verify:email`, `verify:phone_number`, `forgot-password`. */
  purpose: string;
  code_hash: string;
  /** Extra state the code carries, e.g. the pending new email address. */
  payload: string | null;
  attempts: number;
  expires_at: number;
  created_at: number;
}

export interface AuthSessionRow {
  /** SHA-256 of the Session string handed to the client. */
  id_hash: string;
  pool_id: string;
  client_id: string;
  /** JSON of the engine's state (see userpool/auth/session.ts). */
  state: string;
  expires_at: number;
}

export interface GrantRow {
  /** The `origin_jti` shared by every token of one authentication. */
  origin_jti: string;
  pool_id: string;
  client_id: string;
  sub: string;
  auth_time: number;
  device_key: string | null;
  revoked_at: number | null;
  created_at: number;
}

export interface RefreshTokenRow {
  token_hash: string;
  origin_jti: string;
  expires_at: number;
  /** Set when rotation replaced this token; it then works only within the grace period. */
  replaced_at: number | null;
  created_at: number;
}

export interface SigningKeyRow {
  kid: string;
  pool_id: string;
  /** `id` or `access`: Cognito signs the two token kinds with different keys. */
  token_use: string;
  /** Starts at 1; a rotation would add the next generation beside the old one. */
  generation: number;
  private_jwk_sealed: string;
  public_jwk: string;
  created_at: number;
}

export interface OutboxRow {
  id: Generated<number>;
  pool_id: string | null;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  code: string | null;
  created_at: number;
}

export interface UserMfaRow {
  pool_id: string;
  sub: string;
  sms_enabled: number;
  email_enabled: number;
  totp_enabled: number;
  /** `SMS_MFA`, `SOFTWARE_TOKEN_MFA` or `EMAIL_OTP`. */
  preferred: string | null;
  /** The verified TOTP secret (base32), sealed. */
  totp_secret_sealed: string | null;
  /** A secret handed out by AssociateSoftwareToken and not yet verified. */
  totp_pending_sealed: string | null;
  /** The last 30-second step a TOTP code was accepted for: a code is good once. */
  totp_last_step: number | null;
  updated_at: number;
}

export interface DeviceRow {
  device_key: string;
  pool_id: string;
  sub: string;
  group_key: string;
  /** From ConfirmDevice: the device's SRP salt (hex) and sealed verifier. */
  salt: string | null;
  verifier_sealed: string | null;
  name: string | null;
  remembered: number;
  last_ip: string | null;
  created_at: number;
  updated_at: number;
  last_authenticated_at: number | null;
}

/** A passkey: its public key as COSE (base64url), and what the authenticator told at registration. */
export interface WebAuthnCredentialRow {
  pool_id: string;
  /** base64url, as the authenticator made it. */
  credential_id: string;
  sub: string;
  public_key: string;
  sign_count: number;
  /** JSON array of AuthenticatorTransport names. */
  transports: string;
  attachment: string | null;
  friendly_name: string;
  relying_party_id: string;
  created_at: number;
  last_used_at: number | null;
}

/** A StartWebAuthnRegistration waiting for its CompleteWebAuthnRegistration: one per user, single use. */
export interface WebAuthnRegistrationRow {
  pool_id: string;
  sub: string;
  client_id: string;
  challenge: string;
  relying_party_id: string;
  user_verification: string;
  expires_at: number;
}

export interface IdentityPoolRow {
  id: string;
  name: string;
  /** Cognito's IdentityPool type plus the pool's Roles and RoleMappings (see identitypool/settings.ts). */
  settings: string;
  created_at: number;
  updated_at: number;
}

export interface IdentityRow {
  /** `<region>:<uuid>`. */
  id: string;
  pool_id: string;
  /** Set when its last login was unlinked: the identity can no longer be reached. */
  disabled: number;
  created_at: number;
  updated_at: number;
}

export interface IdentityLoginRow {
  pool_id: string;
  /** The provider's canonical name, e.g. `cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc` or a developer provider name. */
  provider: string;
  /** The token's `sub`, or the developer's user identifier. */
  subject: string;
  identity_id: string;
  created_at: number;
}

export interface IdentitySigningKeyRow {
  kid: string;
  generation: number;
  private_jwk_sealed: string;
  public_jwk: string;
  created_at: number;
}

export interface OpenIdConnectProviderRow {
  /** Host and path, as the provider's IAM ARN names it. */
  url: string;
  /** The issuer URL with its scheme. */
  issuer: string;
  /** JSON array of the audiences its tokens may carry. */
  client_ids: string;
  created_at: number;
  updated_at: number;
}

export interface VendedCredentialsRow {
  /** SHA-256 of the random id inside the session token. */
  token_hash: string;
  access_key_id: string;
  pool_id: string;
  identity_id: string;
  role_arn: string;
  secret_sealed: string;
  /** JSON array: `cognito-identity.amazonaws.com:amr` of the identity when the credentials were vended. */
  amr: string;
  session_name: string;
  expires_at: number;
  created_at: number;
}

/** An inline policy of an IAM role, as the config declares it (IAM's PutRolePolicy). */
export interface RolePolicyRow {
  role_arn: string;
  policy_name: string;
  /** The policy document, JSON. */
  document: string;
  updated_at: number;
}
