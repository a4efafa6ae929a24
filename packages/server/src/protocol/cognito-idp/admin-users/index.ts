import type { Operation } from '../../operation.js';

export const adminUserOperations: Record<string, Operation> = {};
