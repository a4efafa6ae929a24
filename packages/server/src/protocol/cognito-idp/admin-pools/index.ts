import type { Operation } from '../../operation.js';

export const adminPoolOperations: Record<string, Operation> = {};
