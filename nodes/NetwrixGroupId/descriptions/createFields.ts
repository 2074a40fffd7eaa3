import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../../shared/locatorValue';
import { checkBoolean, checkChoice } from '../../shared/fieldChecks';
import { additionalAttributeEntries } from '../requests/attributeValues';
import { IF_GROUP_EXISTS, type IfGroupExists } from '../requests/existingGroup';
import { readAdditionalAttributes } from './groupAttributeFields';

/** The fields both creates (Smart Group, Static Group) share, and how to read them. */

/** The Group Name field of a create. */
export function groupNameProperty(placeholder: string, description: string): INodeProperties {
	return {
		displayName: 'Group Name',
		name: 'groupName',
		type: 'string',
		required: true,
		default: '',
		placeholder,
		description,
	};
}

/** A create's If the Group Already Exists choice. */
export const ifGroupExistsProperty: INodeProperties = {
	displayName: 'If the Group Already Exists',
	name: 'ifGroupExists',
	type: 'options',
	default: 'useExisting',
	description:
		'What to do when the identity store already has a group of this name, as when a workflow runs again',
	options: [
		{
			name: 'Use the Existing Group',
			value: 'useExisting',
			description:
				'Output the existing group, marked alreadyExisted, with the requested values that differ from it',
		},
		{ name: 'Fail', value: 'fail', description: "The item fails with GroupID's answer" },
		{
			name: 'Update It to Match',
			value: 'update',
			description:
				"Change the existing group's description, owner, security, display name and notes to the requested ones (a PATCH); its type and criteria stay as they are",
		},
	],
};

/** A create's Simplify switch, as n8n's own nodes offer it. */
export const createSimplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		"Whether to return the new group's GUID, name, distinguished name, type, security, criteria and identity store instead of GroupID's whole answer",
};

/** The fields both creates read alike, as the builders take them. */
export function readCommonCreateFields(context: IExecuteFunctions, itemIndex: number) {
	const parameter = (name: string, fallback?: unknown) =>
		context.getNodeParameter(name, itemIndex, fallback) as unknown;
	const additional = parameter('additionalFields', {}) as Record<string, unknown>;
	return {
		additional,
		fields: {
			groupName: parameter('groupName'),
			container: locatorValue(parameter('container')),
			groupType: parameter('groupType'),
			security: parameter('security'),
			description: additional.description,
			owner: locatorValue(additional.owner),
			notes: additional.notes,
			additionalAttributes: additionalAttributeEntries(readAdditionalAttributes(additional)),
		},
	};
}

/** Reads a create's If the Group Already Exists choice. */
export function readIfGroupExists(context: IExecuteFunctions, itemIndex: number): IfGroupExists {
	return checkChoice(
		'If the Group Already Exists',
		context.getNodeParameter('ifGroupExists', itemIndex, 'useExisting'),
		IF_GROUP_EXISTS,
	);
}

/** Reads a create's Simplify switch (on unless turned off). */
export function readSimplify(context: IExecuteFunctions, itemIndex: number): boolean {
	return checkBoolean('Simplify', context.getNodeParameter('simplify', itemIndex, true), true);
}
