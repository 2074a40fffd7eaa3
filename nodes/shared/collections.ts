import type { INodeProperties } from 'n8n-workflow';

/** The collections an operation's optional fields are gathered in, as n8n's own nodes name them. */

/** Additional Fields: the optional fields of a create or of any operation. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** Filters: what a list operation narrows its results by. */
export function filtersCollection(filters: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: filters,
	};
}
