import Ajv, { type ErrorObject } from 'ajv';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { groupIdRuns, uiPathRuns, type Made, type NodeRuns } from './sandboxRuns';

/*
 * The output schemas n8n's editor shows before a node runs (nodes/<Node>/__schema__): every
 * operation of both nodes, in every node version, has one the editor finds; each is a JSON Schema
 * the editor can show; and every operation, run against the sandbox with its default options,
 * outputs items that match it, so that a schema cannot drift from what the node outputs.
 */

// Plain JavaScript without type declarations: the build's schema step (scripts/finish-build.js) and the sandbox.
const { SCHEMA_FOLDER, versionFolder, schemaFor, fillVersionFolders } =
	require('../../scripts/lib/outputSchemas') as {
		SCHEMA_FOLDER: string;
		versionFolder(version: number): string;
		schemaFor(
			nodeDir: string,
			version: number,
			resource: string,
			operation: string,
		): string | undefined;
		fillVersionFolders(nodeDir: string, versions: number[]): string[];
	};
const { startSandbox } = require('../../sandbox/server') as {
	startSandbox(options: { quiet: boolean }): Promise<{ url: string; close(): Promise<void> }>;
};

type Schema = Record<string, unknown>;

const NODES = [groupIdRuns, uiPathRuns];
const nodeDir = (node: NodeRuns) => path.resolve(__dirname, '..', '..', 'nodes', node.folder);
const versionsOf = (node: NodeRuns) => ([] as number[]).concat(node.nodeType.description.version);
/** Every resource and operation of a node, as its description lists them. */
const operationsOf = (node: NodeRuns) =>
	node.resources.flatMap((resource) =>
		resource.operations.map(({ listing }) => ({
			resource: resource.value,
			operation: listing.value,
		})),
	);

const readSchema = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;

/** Every file under a node's schema folder, relative to it ("v1.0.0/group/get.json"). */
function shippedFiles(node: NodeRuns): string[] {
	const root = path.join(nodeDir(node), SCHEMA_FOLDER);
	const walk = (dir: string): string[] =>
		fs
			.readdirSync(path.join(root, dir), { withFileTypes: true })
			.flatMap((entry) =>
				entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
			);
	return walk('');
}

/** Where a schema says a field is required that it does not describe: a typo the validator would not see. */
function requiredButUndescribed(schema: unknown, at = ''): string[] {
	if (schema === null || typeof schema !== 'object') return [];
	const { required, properties, items } = schema as {
		required?: string[];
		properties?: Record<string, unknown>;
		items?: unknown;
	};
	const own = (required ?? [])
		.filter((name) => !(properties && name in properties))
		.map((name) => `${at || '(top)'}: ${name}`);
	return [
		...own,
		...Object.entries(properties ?? {}).flatMap(([name, property]) =>
			requiredButUndescribed(property, `${at}.${name}`),
		),
		...requiredButUndescribed(items, `${at}[]`),
	];
}

/** One way an item differs from its schema, in words: "item 0.groupType should be string". */
function mismatch(index: number, error: ErrorObject): string {
	const extra = (error.params as { additionalProperty?: string }).additionalProperty;
	return `item ${index}${error.dataPath} ${error.message}${extra === undefined ? '' : `: ${extra}`}`;
}

test("the build gives a version without a schema of its own the nearest earlier version's, never a later one's", () => {
	const built = fs.mkdtempSync(path.join(os.tmpdir(), 'output-schemas-'));
	const write = (file: string, description: string) => {
		fs.mkdirSync(path.dirname(path.join(built, SCHEMA_FOLDER, file)), { recursive: true });
		fs.writeFileSync(path.join(built, SCHEMA_FOLDER, file), JSON.stringify({ description }));
	};
	const description = (file: string) =>
		(readSchema(path.join(built, SCHEMA_FOLDER, file)) as { description: string }).description;
	try {
		write('v1.0.0/group/get.json', 'get of 1');
		write('v1.0.0/group/create.json', 'create of 1');
		write('v1.2.0/group/create.json', 'create of 1.2');
		fillVersionFolders(built, [1.2, 1, 1.1]);
		expect(
			[
				'v1.1.0/group/get.json',
				'v1.1.0/group/create.json',
				'v1.2.0/group/get.json',
				'v1.2.0/group/create.json',
			].map(description),
		).toEqual(['get of 1', 'create of 1', 'get of 1', 'create of 1.2']);
	} finally {
		fs.rmSync(built, { recursive: true, force: true });
	}
});

describe.each(NODES.map((node) => [node.displayName, node]))(
	'%s: output schemas',
	(_name, node) => {
		const versions = versionsOf(node);
		const operations = operationsOf(node);

		test('after the build, every node version has a schema of every operation in its own folder, where the editor asks', () => {
			// The build's step (scripts/finish-build.js), on a copy of the schema sources.
			const built = fs.mkdtempSync(path.join(os.tmpdir(), 'output-schemas-'));
			try {
				fs.cpSync(path.join(nodeDir(node), SCHEMA_FOLDER), path.join(built, SCHEMA_FOLDER), {
					recursive: true,
				});
				fillVersionFolders(built, versions);
				const missing = versions.flatMap((version) =>
					operations
						.map(({ resource, operation }) =>
							path.join(SCHEMA_FOLDER, versionFolder(version), resource, `${operation}.json`),
						)
						.filter((file) => !fs.existsSync(path.join(built, file))),
				);
				expect(missing).toEqual([]);
			} finally {
				fs.rmSync(built, { recursive: true, force: true });
			}
		});

		test('every schema file is a JSON Schema of one item the editor can show, for an operation of a version the node has', () => {
			const ajv = new Ajv();
			const known = new Set(
				versions.flatMap((version) =>
					operations.map(({ resource, operation }) =>
						path.join(versionFolder(version), resource, `${operation}.json`),
					),
				),
			);
			const files = shippedFiles(node);
			expect(files.length).toBeGreaterThan(0);
			expect(files.filter((file) => !known.has(file))).toEqual([]);
			for (const file of files) {
				const schema = readSchema(path.join(nodeDir(node), SCHEMA_FOLDER, file));
				expect({
					file,
					valid: ajv.validateSchema(schema),
					errors: ajv.errorsText(ajv.errors),
				}).toEqual({ file, valid: true, errors: 'No errors' });
				// What the editor checks before it shows a schema: an object with properties.
				expect({
					file,
					type: schema.type,
					properties: Object.keys(schema.properties ?? {}).length > 0,
				}).toEqual({ file, type: 'object', properties: true });
				expect({ file, undescribed: requiredButUndescribed(schema) }).toEqual({
					file,
					undescribed: [],
				});
			}
		});

		describe.each(versions.map((version) => [version]))(
			'version %s, every operation run against the sandbox',
			(version) => {
				let sandbox: Awaited<ReturnType<typeof startSandbox>>;
				let made: Made;

				beforeAll(async () => {
					sandbox = await startSandbox({ quiet: true });
					made = await node.setUp(
						async (parameters) => await node.run(sandbox.url, parameters, version),
						sandbox.url,
					);
				});

				afterAll(async () => await sandbox?.close());

				test.each(
					operations.map(({ resource, operation }) => [
						`${resource}:${operation}`,
						resource,
						operation,
					]),
				)('%s: every output item matches its schema', async (key, resource, operation) => {
					const parameters = node.parameters[key];
					if (parameters === undefined)
						throw new Error(`No run is defined for ${key} (test/outputSchemas/sandboxRuns.ts)`);
					const file = schemaFor(nodeDir(node), version, resource, operation);
					if (file === undefined) throw new Error(`No schema for ${key} in version ${version}`);

					const { output, error } = await node.run(
						sandbox.url,
						parameters(made),
						version,
						node.inputs[key],
					);

					expect(error).toBeUndefined();
					expect(output?.length).toBeGreaterThan(0);
					const validate = new Ajv({ allErrors: true }).compile(readSchema(file));
					const mismatches = (output ?? []).flatMap(({ json }, index) =>
						validate(json) ? [] : (validate.errors ?? []).map((e) => mismatch(index, e)),
					);
					expect(mismatches).toEqual([]);
				});
			},
		);
	},
);
