import type { BadInput } from './catalogue';

/** Bad inputs of the groupIdGroupOperations (see catalogue.ts). */
export const groupIdGroupOperationsBadInputs: BadInput[] = [];
