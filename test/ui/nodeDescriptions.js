// @ts-check
'use strict';
/**
 * What the editor should show, read from the built node descriptions in dist/ (so the UI test
 * follows the fields as they change): every resource and operation, and the fields n8n shows
 * for one of them before anything is changed, worked out with n8n's own display rules.
 */
const path = require('node:path');
const { NodeHelpers } = require('n8n-workflow');
const { projectRoot } = require('../../scripts/lib/realN8n');
const { GROUPID_DIRECTORY_USERS, UIPATH } = require('../../sandbox/accounts');

/** Field types that render without a labelled input of their own. */
const UNLABELLED_TYPES = new Set(['notice', 'callout', 'hidden', 'button']);

/**
 * The package's nodes as the UI test drives them: what to type into the node creator, the
 * prefix of their screenshots, a name the sandbox's directory knows (typed into lists that
 * need a search first), and their description from dist/.
 */
const NODES = [
	{
		prefix: 'groupid',
		search: 'GroupID',
		searchText: GROUPID_DIRECTORY_USERS[0].displayName.split(' ')[0],
		file: 'dist/nodes/NetwrixGroupId/NetwrixGroupId.node.js',
		exportName: 'NetwrixGroupId',
	},
	{
		prefix: 'uipath',
		search: 'UiPath',
		searchText: UIPATH.directoryUsers[0].displayName.split(' ')[0],
		file: 'dist/nodes/UiPathIdentity/UiPathIdentity.node.js',
		exportName: 'UiPathIdentity',
	},
].map((node) => {
	/** @type {import('n8n-workflow').INodeTypeDescription} */
	const description = new (require(path.join(projectRoot, node.file))[node.exportName])()
		.description;
	return { ...node, description, credentialType: description.credentials?.[0]?.name ?? '' };
});

/** The node version the node creator adds: the highest. */
function nodeVersion(description) {
	return Array.isArray(description.version)
		? Math.max(...description.version)
		: description.version;
}

/** An options property's choices, as { value, name } (name is what the dropdown shows). */
function choices(property) {
	return (property.options ?? []).map((option) => ({
		value: String(option.value),
		name: option.name,
		action: option.action,
	}));
}

/** Every resource and operation, in the order the dropdowns list them. */
function operations(description) {
	const resource = description.properties.find((property) => property.name === 'resource');
	if (!resource) throw new Error(`${description.displayName} has no "resource" property`);
	return choices(resource).flatMap((res) =>
		description.properties
			.filter(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(res.value),
			)
			.flatMap((property) => choices(property).map((operation) => ({ resource: res, operation }))),
	);
}

/**
 * The top-level fields n8n shows for a resource and operation with every other field at its
 * default, in description order: { name, label, property }.
 */
function expectedFields(description, resource, operation) {
	const node = { typeVersion: nodeVersion(description) };
	const values =
		NodeHelpers.getNodeParameters(
			description.properties,
			{ resource, operation },
			true,
			false,
			node,
			description,
		) ?? {};
	return description.properties
		.filter(
			(property) =>
				!UNLABELLED_TYPES.has(property.type) &&
				NodeHelpers.displayParameter(values, property, node, description),
		)
		.map((property) => ({ name: property.name, label: property.displayName, property }));
}

/** A field's mode named "list" (n8n's "From list"), if it is a resource locator that has one. */
function listMode(property) {
	return property.type === 'resourceLocator'
		? (property.modes ?? []).find((mode) => mode.name === 'list')
		: undefined;
}

/**
 * The fields with a "From list" mode among an operation's fields (from expectedFields): top-level
 * ones, and those one level inside a collection or fixed collection, with `parent`, the
 * collection that holds them. Lists deeper than that are not looked for.
 * @returns {{property: any, parent?: any}[]}
 */
function listFields(fields) {
	return fields.flatMap(({ property }) => {
		if (listMode(property)) return [{ property }];
		/** @type {any[]} */
		const options = property.options ?? [];
		const inside =
			property.type === 'collection'
				? options
				: property.type === 'fixedCollection'
					? options.flatMap((group) => group.values ?? [])
					: [];
		return inside
			.filter((field) => listMode(field))
			.map((field) => ({ property: field, parent: property }));
	});
}

/** The node creator's action to add the node with: the first resource's first operation. */
function firstAction(description) {
	const [first] = operations(description);
	return first.operation.action ?? first.operation.name;
}

module.exports = { NODES, operations, expectedFields, listMode, listFields, firstAction };
