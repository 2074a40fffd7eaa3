import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * What a saved workflow relies on in a node version's description, as plain data: every parameter
 * each operation shows, by its path (`additionalFields.notes`, `memberList.member.identity`), with
 * its type, the values it offers (options), and a resource locator's modes. A later build of the
 * same version may add parameters, values and modes, never lose or change one.
 */
export type ParameterSnapshot = Record<
	string,
	{ type: string; values?: string[]; modes?: string[] }
>;

/** The snapshot of a node description as one of its versions shows it, keyed `resource:operation:path`. */
export function parameterSnapshot(
	description: INodeTypeDescription,
	version: number,
): ParameterSnapshot {
	const snapshot: ParameterSnapshot = {};
	const resources = optionValues(description.properties.find((p) => p.name === 'resource'));
	for (const property of description.properties) {
		if (property.name === 'resource' || property.name === 'operation') continue;
		if (!shownInVersion(property, version)) continue;
		const shown = property.displayOptions?.show ?? {};
		const forResources = (shown.resource as string[] | undefined) ?? resources;
		for (const resource of forResources) {
			const operations =
				(shown.operation as string[] | undefined) ??
				optionValues(
					description.properties.find(
						(p) =>
							p.name === 'operation' &&
							(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
					),
				);
			for (const operation of operations)
				addParameter(snapshot, `${resource}:${operation}:`, property);
		}
	}
	return snapshot;
}

/** Whether a parameter exists in a version (its `@version` display options). */
function shownInVersion(property: INodeProperties, version: number): boolean {
	const shownIn = property.displayOptions?.show?.['@version'] as number[] | undefined;
	const hiddenIn = property.displayOptions?.hide?.['@version'] as number[] | undefined;
	return (
		(shownIn === undefined || shownIn.includes(version)) && !(hiddenIn ?? []).includes(version)
	);
}

function addParameter(
	snapshot: ParameterSnapshot,
	prefix: string,
	property: INodeProperties,
): void {
	const key = `${prefix}${property.name}`;
	const entry: ParameterSnapshot[string] = { type: property.type };
	if (property.type === 'options' || property.type === 'multiOptions')
		entry.values = optionValues(property);
	if (property.type === 'resourceLocator')
		entry.modes = (property.modes ?? []).map((mode) => mode.name).sort();
	// The same parameter shown under other conditions keeps one entry: the first one seen.
	snapshot[key] ??= entry;
	if (property.type === 'collection') {
		for (const option of (property.options ?? []) as INodeProperties[])
			addParameter(snapshot, `${key}.`, option);
	}
	if (property.type === 'fixedCollection') {
		for (const group of (property.options ?? []) as INodePropertyCollection[]) {
			for (const value of group.values) addParameter(snapshot, `${key}.${group.name}.`, value);
		}
	}
}

function optionValues(property: INodeProperties | undefined): string[] {
	if (
		property === undefined ||
		!Array.isArray(property.options) ||
		typeof property.options === 'function'
	)
		return [];
	return (property.options as INodePropertyOptions[]).map((option) => String(option.value)).sort();
}

/** What a later build of a version changed that a saved workflow would notice, in words; empty when nothing. */
export function breakingChanges(released: ParameterSnapshot, current: ParameterSnapshot): string[] {
	const changes: string[] = [];
	for (const [key, was] of Object.entries(released)) {
		const now = current[key];
		if (now === undefined) {
			changes.push(`${key} is gone`);
			continue;
		}
		if (now.type !== was.type) changes.push(`${key} changed type from ${was.type} to ${now.type}`);
		for (const value of was.values ?? []) {
			if (!(now.values ?? []).includes(value)) changes.push(`${key} no longer offers "${value}"`);
		}
		for (const mode of was.modes ?? []) {
			if (!(now.modes ?? []).includes(mode))
				changes.push(`${key} no longer has the mode "${mode}"`);
		}
	}
	return changes;
}
