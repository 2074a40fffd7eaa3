import type { BadInput } from './catalogue';

/** Bad inputs of the uiPathOperations (see catalogue.ts). */
export const uiPathOperationsBadInputs: BadInput[] = [];
