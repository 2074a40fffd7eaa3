// @ts-check
'use strict';
/**
 * The n8n editor in a real browser (Debian's chromium), with the packed package installed in a
 * real n8n against the sandbox, used as a user uses it, in this order: the sign-in page; the
 * credentials' test buttons; every example workflow run with "Execute workflow"; then each node
 * added through the node creator, every resource and operation chosen in its panel, the fields it
 * shows checked against the built description, and every resource locator's list opened (after
 * the examples, so that the sandbox has groups to list); and the output schema a node shows the
 * node after it before it runs. Screenshots go to docs/screenshots/.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startSandbox } = require('../../sandbox/server');
const { UIPATH } = require('../../sandbox/accounts');
const n8n = require('../../scripts/lib/realN8n');
const {
	exampleWorkflows,
	isStickyNote,
	sandboxCredentials,
} = require('../../scripts/lib/sandboxSetup');
const ui = require('./editor');
const {
	NODES,
	operations,
	expectedFields,
	listMode,
	listFields,
	firstAction,
} = require('./nodeDescriptions');
const { NEXT_NODE, schemaPreviewWorkflow, previewedNode } = require('./schemaPreview');

/** smartGroup → smart-group, for file names. */
const kebab = (text) => text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** How the output names a field of an operation (inside its collection, if any). */
const fieldTitle = (node, resource, operation, { property, parent }) =>
	`${node.description.displayName} ${resource.name} ${operation.name}: ${parent ? `${parent.displayName} › ` : ''}${property.displayName}`;

/** Waits for the panel to show the labels `expected` (it re-renders after a choice); returns the labels it shows last. */
async function fieldsOnceSettled(page, expected) {
	let shown = await ui.shownFieldLabels(page);
	for (
		let attempt = 0;
		attempt < 40 && JSON.stringify(shown) !== JSON.stringify(expected);
		attempt++
	) {
		await page.waitForTimeout(250);
		shown = await ui.shownFieldLabels(page);
	}
	return shown;
}

/** The node a workflow ends with: one that no connection leaves (the last such in the file), not a sticky note. */
function lastNode(workflow) {
	const sources = new Set(Object.keys(workflow.connections ?? {}));
	return workflow.nodes.filter((node) => !isStickyNote(node) && !sources.has(node.name)).pop();
}

// The names and types of the sandbox credentials do not depend on the sandbox's address.
const CREDENTIALS = sandboxCredentials('http://127.0.0.1').map(({ name, type }) => ({
	name,
	type,
}));
const WORKFLOWS = exampleWorkflows();
const SCHEMA_PREVIEW_WORKFLOW = schemaPreviewWorkflow();

describe('the n8n editor, in a browser, with the package installed', () => {
	/** @type {string} */ let home;
	/** @type {string} */ let tarball;
	/** @type {any} */ let sandbox;
	/** @type {import('node:child_process').ChildProcess} */ let editorProcess;
	/** @type {string} */ let editor;
	/** @type {import('playwright-core').Browser} */ let browser;
	/** @type {import('playwright-core').BrowserContext} */ let context;
	/** Where the sign-in page led. */
	/** @type {string} */ let signedInAt;
	/** What the browser reported as errors, by page: printed at the end. */
	/** @type {string[]} */ const browserErrors = [];
	/** The resource locators whose list was opened, and how many entries each showed. */
	/** @type {Map<string, number>} */ const listsOpened = new Map();

	async function newPage() {
		const page = await context.newPage();
		page.on('pageerror', (error) => browserErrors.push(`${page.url()}: ${error.message}`));
		page.on('console', (message) => {
			if (message.type() === 'error')
				browserErrors.push(`${page.url()}: ${message.text()} (${message.location().url})`);
		});
		return page;
	}

	beforeAll(async () => {
		const runtime = n8n.ensureN8nInstalled();
		tarball = n8n.packPackage();
		home = n8n.createN8nHome(tarball);
		sandbox = await startSandbox({ quiet: true });
		// The sandbox starts with no robot account: one, so that the Robot Account lists have an entry.
		await createRobotAccount(sandbox.url, 'invoice-robot', 'Invoice Robot');
		await n8n.importCredentials(runtime, home, sandboxCredentials(sandbox.url));
		await n8n.importWorkflows(runtime, home, [...WORKFLOWS, SCHEMA_PREVIEW_WORKFLOW]);
		const port = await n8n.freePort();
		editor = `http://127.0.0.1:${port}`;
		editorProcess = await n8n.startN8n(runtime, home, port);
		await n8n.ensureOwner(editor);
		browser = await ui.launchBrowser();
		context = await browser.newContext({ viewport: ui.VIEWPORT });
		context.setDefaultTimeout(30_000);
		const page = await newPage();
		await ui.signIn(page, editor);
		signedInAt = new URL(page.url()).pathname;
		await page.close();
		// Every screenshot is made again: none is left from a field or workflow that is gone.
		fs.mkdirSync(ui.SCREENSHOTS_DIR, { recursive: true });
		for (const file of fs.readdirSync(ui.SCREENSHOTS_DIR).filter((name) => name.endsWith('.png'))) {
			fs.rmSync(path.join(ui.SCREENSHOTS_DIR, file));
		}
	});

	afterAll(async () => {
		await browser?.close();
		if (editorProcess) await n8n.stopN8n(editorProcess);
		await sandbox?.close();
		for (const folder of [home, tarball && path.dirname(tarball)])
			if (folder) fs.rmSync(folder, { recursive: true, force: true });
		if (browserErrors.length > 0) {
			console.log(
				`The browser reported ${browserErrors.length} errors:\n${[...new Set(browserErrors)].join('\n')}`,
			);
		}
	});

	test('signed in through the sign-in page', () => {
		// Done before the other tests, which need it, so that any of them can run alone (jest -t).
		expect(signedInAt).toBe(`/${ui.EDITOR_ROUTES.workflows}`);
	});

	test.each(CREDENTIALS.map((credential) => [credential.name, credential]))(
		'the credential "%s" passes its test',
		async (_name, credential) => {
			const page = await newPage();
			const result = await ui.testCredentialInDialog(page, editor, credential.name);
			expect(result).toEqual({
				answer: { status: 'OK', message: 'Connection successful!' },
				message: 'Connection tested successfully',
			});
			const prefix =
				NODES.find((node) => node.credentialType === credential.type)?.prefix ?? credential.type;
			await ui.screenshot(page, `${prefix}-credential-test`);
			await page.close();
		},
	);

	test.each(WORKFLOWS.map((workflow) => [workflow.name, workflow]))(
		'"%s" runs from the editor and shows its output',
		async (_name, workflow) => {
			const page = await newPage();
			const run = await ui.executeWorkflowFromEditor(page, editor, workflow);
			expect({ title: run.title, succeeded: run.succeeded }).toEqual({
				title: 'Workflow executed successfully',
				succeeded: true,
			});
			await ui.screenshot(page, `example-${workflow.id}-canvas`);
			const output = await ui.openNodeOutput(page, lastNode(workflow).name);
			expect(output.succeeded).toBe(true);
			expect(output.itemCount).toMatch(/^[1-9]\d* items?$/);
			await ui.screenshot(page, `example-${workflow.id}-output`);
			await page.close();
		},
	);

	test('a node not yet run shows the node after it the fields of its output schema, as a preview', async () => {
		const previewed = previewedNode(SCHEMA_PREVIEW_WORKFLOW);
		const page = await newPage();
		/** What n8n answered the editor's schema requests: "200 /schemas/<node type>/<version>/<resource>/<operation>.json". */
		/** @type {string[]} */ const schemaAnswers = [];
		page.on('response', (response) => {
			const { pathname } = new URL(response.url());
			if (pathname.startsWith('/schemas/')) schemaAnswers.push(`${response.status()} ${pathname}`);
		});
		const shown = await ui.openNodeWithInputPreview(
			page,
			editor,
			SCHEMA_PREVIEW_WORKFLOW,
			NEXT_NODE,
			previewed.name,
			previewed.fields,
		);
		await ui.screenshot(page, `${previewed.prefix}-output-schema-preview`);
		await page.close();
		expect(shown).toEqual({ preview: true, fields: previewed.fields });
		expect(schemaAnswers.filter((answer) => Number(answer.split(' ')[0]) >= 400)).toEqual([]);
		expect(schemaAnswers.filter((answer) => answer.includes(`/${previewed.type}/`))).not.toEqual(
			[],
		);
		console.log(`The editor's schema requests:\n${schemaAnswers.join('\n')}`);
	});

	describe.each(NODES.map((node) => [node.description.displayName, node]))(
		'%s: its panel',
		(_displayName, node) => {
			/** @type {import('playwright-core').Page} */ let page;

			beforeAll(async () => {
				page = await newPage();
				await ui.addNodeToNewWorkflow(
					page,
					editor,
					node.search,
					node.description.displayName,
					firstAction(node.description),
				);
			});

			afterAll(() => page?.close());

			test.each(
				operations(node.description).map(({ resource, operation }) => [
					`${resource.name}: ${operation.name}`,
					resource,
					operation,
				]),
			)('%s shows its fields with their labels', async (_label, resource, operation) => {
				const fields = expectedFields(node.description, resource.value, operation.value);
				await ui.chooseOption(page, 'resource', resource.name);
				await ui.chooseOption(page, 'operation', operation.name);
				const expected = fields.map(({ label }) => label);
				expect(await fieldsOnceSettled(page, expected)).toEqual(expected);
				const shotName = `${node.prefix}-${kebab(resource.value)}-${kebab(operation.value)}`;
				await ui.screenshotPanel(page, shotName);

				for (const field of listFields(fields)) {
					const { property, parent } = field;
					const entry = parent ? await ui.addCollectionEntry(page, parent, property) : undefined;
					const locator = ui.resourceLocator(
						entry?.scope ?? page.getByTestId('ndv'),
						property.name,
					);
					const searchText = listMode(property)?.typeOptions?.searchFilterRequired
						? node.searchText
						: undefined;
					const entries = await ui.openResourceList(page, locator, searchText);
					await ui.screenshot(page, `${shotName}-${kebab(property.name)}-list`);
					if (entries.length === 0)
						throw new Error(
							`The list of "${fieldTitle(node, resource, operation, field)}" shows no entries from the sandbox`,
						);
					await ui.closeResourceList(page);
					// Back to how the panel was: the entry deleted, or the field in its default mode.
					if (entry) await entry.remove();
					else await ui.chooseResourceMode(page, locator, property.default?.mode ?? 'list');
					listsOpened.set(fieldTitle(node, resource, operation, field), entries.length);
				}
			});
		},
	);

	test('every resource locator with a list mode showed entries from the sandbox', () => {
		const withList = NODES.flatMap((node) =>
			operations(node.description).flatMap(({ resource, operation }) =>
				listFields(expectedFields(node.description, resource.value, operation.value)).map((field) =>
					fieldTitle(node, resource, operation, field),
				),
			),
		);
		if (withList.length === 0) {
			console.log(
				'No field of type resourceLocator has a mode named "list" yet: no list was opened.',
			);
		} else {
			console.log(
				`Lists opened, with the entries each showed:\n${[...listsOpened].map(([title, count]) => `${title}: ${count}`).join('\n')}`,
			);
		}
		expect([...listsOpened.keys()]).toEqual(withList);
	});
});

/** Creates a robot account in the sandbox with UiPath's documented request. */
async function createRobotAccount(sandboxUrl, name, displayName) {
	const response = await fetch(
		`${sandboxUrl}/${UIPATH.organizationName}/${UIPATH.tenantName}/identity_/api/RobotAccount`,
		{
			method: 'POST',
			headers: {
				Authorization: `Bearer ${UIPATH.personalAccessToken}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({
				partitionGlobalId: UIPATH.organizationId,
				name,
				displayName,
				groupIDsToAdd: [],
			}),
		},
	);
	if (response.status !== 201)
		throw new Error(
			`The sandbox did not create the robot account: ${response.status} ${await response.text()}`,
		);
}
