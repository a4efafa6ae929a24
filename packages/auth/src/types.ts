// Public inputs and outputs, shaped as aws-amplify/auth v6's so apps switch by changing imports.
export type { JWT, JwtPayload } from './core/jwt.js';
export type * from './types/common.js';
export type * from './types/sign-in.js';
export type * from './types/sign-up.js';
export type * from './types/session.js';
export type * from './types/user.js';
export type * from './types/identity.js';
