import type { BadInput } from './catalogue';

/** Bad inputs of the groupIdMembershipAndUserOperations (see catalogue.ts). */
export const groupIdMembershipAndUserOperationsBadInputs: BadInput[] = [];
