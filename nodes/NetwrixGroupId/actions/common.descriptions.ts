import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * The group an operation acts on: by its object GUID, or by its name or distinguished name.
 * A resource locator, so that a searchable list can join the modes without changing saved workflows.
 */
export function groupLocatorProperty(name = 'group', displayName = 'Group'): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'id', value: '' },
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. f8bc4524-fdcb-4b85-9f3f-d6c0af7c58ae',
				hint: "The group's object GUID",
			},
			{
				displayName: 'By Name or DN',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Engineering-All or CN=Engineering-All,OU=Groups,DC=demo,DC=local',
				hint: "The group's name, or its distinguished name",
			},
		],
	};
}

/** A resource locator's mode and value for one item. */
export function readLocator(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
): { mode: string; value: unknown } {
	const locator = context.getNodeParameter(name, itemIndex, { mode: 'id', value: '' }) as unknown;
	if (locator !== null && typeof locator === 'object' && 'value' in locator) {
		const { mode, value } = locator as { mode?: unknown; value: unknown };
		return { mode: typeof mode === 'string' ? mode : 'id', value };
	}
	// A plain value, from an expression that replaced the whole locator.
	return { mode: 'name', value: locator };
}
