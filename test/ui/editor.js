// @ts-check
'use strict';
/**
 * Driving n8n's editor in Debian's chromium with playwright-core, as a user does: the sign-in
 * page, the node creator, the node's panel, the credentials page and the canvas.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium, selectors } = require('playwright-core');
const { projectRoot, LOCAL_OWNER } = require('../../scripts/lib/realN8n');
const { isStickyNote } = require('../../scripts/lib/sandboxSetup');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS_DIR = path.join(projectRoot, 'docs', 'screenshots');
const VIEWPORT = { width: 1440, height: 900 };
/** The tallest a panel screenshot grows to show every field of an operation. */
const MAX_SCREENSHOT_HEIGHT = 2400;

/** The editor's own pages, relative to its address. */
const EDITOR_ROUTES = { workflows: 'home/workflows', credentials: 'home/credentials' };

/** Starts chromium (installing it first when missing), with n8n's data-test-id as the test id. */
async function launchBrowser() {
	if (!fs.existsSync(CHROMIUM)) {
		const result = spawnSync('bash', [path.join(projectRoot, 'scripts', 'install-chromium.sh')], {
			stdio: 'inherit',
		});
		if (result.status !== 0) throw new Error(`${CHROMIUM} is missing and could not be installed`);
	}
	selectors.setTestIdAttribute('data-test-id');
	// Chromium's sandbox cannot start as root (CI runs as root); /dev/shm is small in containers.
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
}

/** @param {import('playwright-core').Page} page @param {string} name a file name without .png */
async function screenshot(page, name) {
	fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
	// Away from any field, so no hover controls cover a label.
	await page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height - 1);
	await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`) });
}

/** @param {import('playwright-core').Page} page */
async function signIn(page, editor) {
	await page.goto(`${editor}/signin`);
	await page.locator('#emailOrLdapLoginId').fill(LOCAL_OWNER.email);
	await page.locator('#password').fill(LOCAL_OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/**
 * Adds a node to a new workflow through the node creator: searches, picks the node, then the
 * action (unfolding the node's actions when it opens on its triggers). n8n adds a manual trigger before it and opens the node's panel.
 * @param {import('playwright-core').Page} page
 */
async function addNodeToNewWorkflow(page, editor, search, nodeName, action) {
	await page.goto(`${editor}/workflow/new`);
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(search);
	const creator = page.getByTestId('node-creator');
	const item = (name) =>
		creator
			.getByTestId('item-iterator-item')
			.filter({ has: page.getByTestId('node-creator-item-name').getByText(name, { exact: true }) })
			.first();
	await item(nodeName).click();
	// An app that also has a trigger opens on its triggers, its actions folded under "Actions (n)".
	const actionsFolded = creator.getByText(/^Actions \(\d+\)$/);
	if ((await actionsFolded.count()) > 0 && !(await item(action).isVisible()))
		await actionsFolded.first().click();
	await item(action).click();
	await page.getByTestId('ndv').waitFor();
}

/** The dropdown el-select opened last. @param {import('playwright-core').Page} page */
function openDropdown(page) {
	return page.locator('.el-select__popper[aria-hidden="false"]');
}

/**
 * Chooses an option of an options field in the open panel, by the name the dropdown shows.
 * @param {import('playwright-core').Page} page
 */
async function chooseOption(page, parameterName, optionName) {
	await page.getByTestId('ndv').getByTestId(`parameter-input-${parameterName}`).click();
	await openDropdown(page)
		.getByTestId('parameter-input-item')
		.filter({ has: page.locator('.option-headline').getByText(optionName, { exact: true }) })
		.click();
	await openDropdown(page)
		.waitFor({ state: 'detached', timeout: 5_000 })
		.catch(() => {});
}

/**
 * The labels of the top-level fields the open panel shows, in order. Fields nested in a
 * collection, and those of the hidden Settings tab, are left out.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>}
 */
function shownFieldLabels(page) {
	return page
		.getByTestId('ndv')
		.getByTestId('node-parameters')
		.evaluate((root) =>
			[...root.querySelectorAll('[data-test-id="parameter-item"]')]
				.filter(
					(item) =>
						!item.parentElement?.closest('[data-test-id="parameter-item"]') &&
						item.checkVisibility(),
				)
				.map((item) => item.querySelector('[data-test-id="input-label"] label'))
				.filter((label) => label !== null)
				.map((label) =>
					(label.querySelector('.n8n-text')?.textContent ?? label.textContent ?? '').trim(),
				),
		);
}

/**
 * A screenshot of the open panel, the viewport made as tall as needed (up to a limit) for every
 * field to be in it; then back to the usual viewport.
 * @param {import('playwright-core').Page} page
 */
async function screenshotPanel(page, name) {
	const parameters = page.getByTestId('ndv').getByTestId('node-parameters');
	const overflow = await parameters.evaluate(
		(element) => element.scrollHeight - element.clientHeight,
	);
	if (overflow > 0) {
		await page.setViewportSize({
			width: VIEWPORT.width,
			height: Math.min(VIEWPORT.height + overflow + 16, MAX_SCREENSHOT_HEIGHT),
		});
		await parameters.evaluate((element) => element.scrollTo(0, 0));
	}
	try {
		await screenshot(page, name);
	} finally {
		if (overflow > 0) await page.setViewportSize(VIEWPORT);
	}
}

/** A resource locator field inside `scope` (the panel, or a collection of it), by parameter name. @param {import('playwright-core').Locator} scope */
function resourceLocator(scope, parameterName) {
	return scope.getByTestId(`resource-locator-${parameterName}`);
}

/**
 * Chooses a mode of a resource locator by the mode's name ("list", "id").
 * @param {import('playwright-core').Page} page @param {import('playwright-core').Locator} locator
 */
async function chooseResourceMode(page, locator, modeName) {
	await locator.getByTestId('rlc-mode-selector').click();
	await openDropdown(page).getByTestId(`mode-${modeName}`).click();
}

/**
 * Opens a resource locator's list (choosing its "list" mode first; typing `searchText` into its
 * search when the list needs one) and returns the entries it shows (none when it says "No
 * results"); throws with the error it shows instead. Leaves the list open.
 * @param {import('playwright-core').Page} page @param {import('playwright-core').Locator} locator
 * @param {string} [searchText]
 * @returns {Promise<string[]>}
 */
async function openResourceList(page, locator, searchText) {
	await chooseResourceMode(page, locator, 'list');
	await locator.getByTestId('rlc-input').click();
	// The list opens as a popover; only one is open at a time.
	const search = page.getByTestId('rlc-search').filter({ visible: true });
	if (searchText !== undefined)
		await search
			.locator('input')
			.or(search.and(page.locator('input')))
			.first()
			.fill(searchText);
	const items = page.getByTestId('rlc-item').filter({ visible: true });
	const error = page.getByTestId('rlc-error-message').filter({ visible: true });
	const empty = page.getByText('No results', { exact: true }).filter({ visible: true });
	await items.first().or(error).or(empty).first().waitFor();
	if (await error.count())
		throw new Error(`The list shows an error: ${await error.first().innerText()}`);
	return items.allInnerTexts();
}

/** Closes an open resource locator list. @param {import('playwright-core').Page} page */
async function closeResourceList(page) {
	// A click outside closes it (Escape only clears its search); the Parameters tab changes nothing.
	await page.getByTestId('ndv').getByTestId('tab-params').click();
	await page.getByTestId('rlc-item').filter({ visible: true }).first().waitFor({ state: 'hidden' });
}

/**
 * Adds an entry to a collection ("Add Field": the field `property`) or to a fixed collection
 * ("Add Member": one entry of its only kind) of the open panel, as a user does. Returns where
 * the entry is and a function that deletes it again.
 * @param {import('playwright-core').Page} page
 * @param {any} collection the collection's or fixed collection's description
 * @param {any} property the field inside it
 */
async function addCollectionEntry(page, collection, property) {
	const ndv = page.getByTestId('ndv');
	if (collection.type === 'fixedCollection') {
		if ((collection.options ?? []).length !== 1)
			throw new Error(
				`"${collection.displayName}" has several kinds of entry: the test adds only one kind`,
			);
		const scope = ndv.getByTestId(`fixed-collection-${collection.name}`);
		await scope.getByTestId('fixed-collection-add').click();
		return { scope, remove: () => scope.getByTestId('fixed-collection-delete').last().click() };
	}
	const scope = ndv
		.getByTestId('node-parameters')
		.getByTestId('parameter-item')
		.filter({
			has: page.getByTestId('input-label').getByText(collection.displayName, { exact: true }),
		})
		.first();
	await scope.getByTestId('collection-parameter-add').click();
	await openDropdown(page)
		.getByTestId('collection-parameter-option')
		.getByText(property.displayName, { exact: true })
		.click();
	const entry = scope
		.getByTestId('parameter-item')
		.filter({ has: page.getByTestId(`resource-locator-${property.name}`) });
	return { scope, remove: () => entry.getByTitle('Delete', { exact: true }).first().click() };
}

/**
 * Opens a credential from the credentials page and presses its test button ("Retry" once the
 * test that runs on opening is done), as a user does. Returns what n8n's test answered and the
 * success message the dialog shows (empty when it shows none).
 * @param {import('playwright-core').Page} page
 */
async function testCredentialInDialog(page, editor, credentialName) {
	await page.goto(new URL(EDITOR_ROUTES.credentials, `${editor}/`).href);
	await page.getByTestId('resources-list-item').filter({ hasText: credentialName }).click();
	const dialog = page.getByTestId('editCredential-modal');
	await dialog.getByTestId('credential-name').filter({ hasText: credentialName }).waitFor();
	const testButton = dialog
		.getByTestId('node-credentials-config-container')
		.getByRole('button', { name: 'Retry', exact: true });
	await testButton.waitFor();
	const [response] = await Promise.all([
		page.waitForResponse(
			(r) => r.url().endsWith('/rest/credentials/test') && r.request().method() === 'POST',
		),
		testButton.click(),
	]);
	const answer = (await response.json()).data;
	const success = dialog.getByTestId('credentials-config-container-test-success');
	const shown = await success.waitFor({ timeout: 10_000 }).then(
		() => true,
		() => false,
	);
	// The button reads "Retrying" until the dialog has the answer, then fades back in.
	await testButton.waitFor();
	await page.waitForTimeout(500);
	return {
		answer,
		message: shown ? (await success.innerText()).replace(/\s*Retry\s*$/, '').trim() : '',
	};
}

/**
 * Opens a saved workflow, presses "Execute workflow" and waits for the run to end; returns the
 * title of the toast n8n shows at the end and whether it is a success toast.
 * @param {import('playwright-core').Page} page
 */
async function executeWorkflowFromEditor(page, editor, workflow) {
	await page.goto(`${editor}/workflow/${workflow.id}`);
	// The canvas draws sticky notes apart from the other nodes.
	const stickyCount = workflow.nodes.filter(isStickyNote).length;
	await page
		.getByTestId('canvas-node')
		.nth(workflow.nodes.length - stickyCount - 1)
		.waitFor();
	if (stickyCount > 0)
		await page
			.getByTestId('sticky')
			.nth(stickyCount - 1)
			.waitFor();
	await page.getByTestId('execute-workflow-button').click();
	const toast = page.locator('.el-notification').first();
	await toast.waitFor({ timeout: 120_000 });
	const result = {
		title: await toast.locator('.el-notification__title').innerText(),
		details: await toast.locator('.el-notification__content').innerText(),
		succeeded: (await toast.locator('.el-notification--success').count()) > 0,
	};
	// The toast covers the canvas's corner: close it before the screenshot.
	await toast.locator('.el-notification__closeBtn').click();
	await toast.waitFor({ state: 'detached' });
	return result;
}

/**
 * Opens a node of the canvas and returns its output as the panel shows it: whether the run
 * succeeded and the item count ("3 items").
 * @param {import('playwright-core').Page} page
 */
async function openNodeOutput(page, nodeName) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).dblclick();
	const output = page.getByTestId('ndv').getByTestId('output-panel');
	await output
		.getByTestId('ndv-items-count')
		.or(output.getByTestId('ndv-data-container'))
		.first()
		.waitFor();
	return {
		succeeded: await output.getByTestId('node-run-status-success').isVisible(),
		itemCount: (await output.getByTestId('ndv-items-count').innerText()).trim(),
	};
}

/**
 * Opens a saved workflow and, in it, a node whose input node has not run: returns what its input
 * panel shows of that input node (the fields of its output schema, top level, in order) once it
 * lists `expected`, or after a few seconds, and whether it says they are a preview.
 * @param {import('playwright-core').Page} page
 * @param {{id: string, nodes: any[]}} workflow @param {string} nodeName @param {string} inputNodeName @param {string[]} expected
 */
async function openNodeWithInputPreview(page, editor, workflow, nodeName, inputNodeName, expected) {
	await page.goto(`${editor}/workflow/${workflow.id}`);
	await page
		.getByTestId('canvas-node')
		.nth(workflow.nodes.length - 1)
		.waitFor();
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).dblclick();
	const input = page.getByTestId('ndv').getByTestId('ndv-input-panel');
	const fields = input.locator(
		`[data-test-id="run-data-schema-node-name"][data-node-name="${inputNodeName}"][data-nest-level="1"]`,
	);
	await fields.first().waitFor();
	const shown = () =>
		fields.evaluateAll((pills) => pills.map((pill) => pill.getAttribute('data-name')));
	let names = await shown();
	for (
		let attempt = 0;
		attempt < 20 && JSON.stringify(names) !== JSON.stringify(expected);
		attempt++
	) {
		await page.waitForTimeout(250);
		names = await shown();
	}
	return { preview: await input.getByTestId('schema-preview-warning').isVisible(), fields: names };
}

module.exports = {
	EDITOR_ROUTES,
	VIEWPORT,
	SCREENSHOTS_DIR,
	launchBrowser,
	screenshot,
	screenshotPanel,
	signIn,
	addNodeToNewWorkflow,
	chooseOption,
	shownFieldLabels,
	resourceLocator,
	chooseResourceMode,
	openResourceList,
	closeResourceList,
	addCollectionEntry,
	testCredentialInDialog,
	executeWorkflowFromEditor,
	openNodeOutput,
	openNodeWithInputPreview,
};
