// @ts-check
'use strict';
/**
 * The output schema preview: a workflow in which one of the package's nodes, not yet run, feeds
 * another node, and the fields the editor should list for it, read from the schema n8n serves
 * from dist/ for that node's version, resource and operation.
 */
const fs = require('node:fs');
const path = require('node:path');
const { projectRoot } = require('../../scripts/lib/realN8n');
const { SCHEMA_FOLDER, versionFolder } = require('../../scripts/lib/outputSchemas');
const { exampleWorkflows, isStickyNote } = require('../../scripts/lib/sandboxSetup');
const { NODES } = require('./nodeDescriptions');

const NEXT_NODE = 'Next';

/** The example that creates the documented Smart Group, its node followed by a node that does nothing. */
function schemaPreviewWorkflow() {
	const example = exampleWorkflows().find((workflow) => workflow.id === 'gpExampleSmartGrp');
	if (!example) throw new Error('The example workflow gpExampleSmartGrp is missing');
	const [trigger, previewed] = example.nodes.filter((node) => !isStickyNote(node));
	const [x, y] = previewed.position;
	return {
		id: 'gpSchemaPreview01',
		name: 'Output schema preview: Create Smart Group, not run, feeds a node',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			trigger,
			previewed,
			{
				id: 'gp-schema-preview-next',
				name: NEXT_NODE,
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [x + 240, y],
				parameters: {},
			},
		],
		connections: {
			[trigger.name]: { main: [[{ node: previewed.name, type: 'main', index: 0 }]] },
			[previewed.name]: { main: [[{ node: NEXT_NODE, type: 'main', index: 0 }]] },
		},
	};
}

/**
 * The node the workflow previews, and the top-level fields of its schema in the built package,
 * in the schema's order (the order the editor lists them).
 * @param {{nodes: any[]}} workflow
 */
function previewedNode(workflow) {
	const [node, packaged] = workflow.nodes.flatMap((candidate) => {
		const match = NODES.find(
			({ description }) => candidate.type === `n8n-nodes-group-provisioning.${description.name}`,
		);
		return match ? [candidate, match] : [];
	});
	const { resource, operation } = node.parameters;
	const file = path.join(
		projectRoot,
		path.dirname(packaged.file),
		SCHEMA_FOLDER,
		versionFolder(node.typeVersion),
		resource,
		`${operation}.json`,
	);
	return {
		name: node.name,
		type: node.type,
		prefix: packaged.prefix,
		fields: Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).properties),
	};
}

module.exports = { NEXT_NODE, schemaPreviewWorkflow, previewedNode };
