#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run demo`: runs every example workflow in a real n8n with this package installed, against
 * the local sandbox, prints what each step output, and exits (non-zero if any failed).
 */
const fs = require('node:fs');
const { startSandbox } = require('../sandbox/server');
const n8n = require('./lib/realN8n');
const { exampleWorkflows, isStickyNote, sandboxCredentials } = require('./lib/sandboxSetup');

async function main() {
	const started = Date.now();
	const say = (text) =>
		console.log(`[demo ${((Date.now() - started) / 1000).toFixed(1)}s] ${text}`);
	const runtime = n8n.ensureN8nInstalled();
	say(`n8n ${runtime.version} is ready`);
	const tarball = n8n.packPackage();
	const home = n8n.createN8nHome(tarball);
	say(`installed ${tarball.split('/').pop()} into ${home}/.n8n/nodes`);
	const sandbox = await startSandbox({ quiet: true });
	say(`sandbox (GroupID and UiPath) listening at ${sandbox.url}`);
	let failures = 0;
	try {
		await n8n.importCredentials(runtime, home, sandboxCredentials(sandbox.url));
		const workflows = exampleWorkflows();
		await n8n.importWorkflows(runtime, home, workflows);
		for (const workflow of workflows) {
			const result = await n8n.executeWorkflow(runtime, home, workflow.id);
			if (!result.succeeded) {
				failures++;
				say(`FAILED "${workflow.name}": ${result.errorMessage ?? result.stderr.slice(-2000)}`);
				continue;
			}
			say(`"${workflow.name}" succeeded:`);
			// Every step after the trigger; sticky notes are not run.
			for (const node of workflow.nodes.slice(1).filter((step) => !isStickyNote(step))) {
				const items = n8n.nodeOutput(result.execution, node.name);
				const shown = items.slice(0, 3).map((item) => JSON.stringify(summarize(item.json)));
				const more = items.length > 3 ? ` (+${items.length - 3} more)` : '';
				console.log(
					`  ${node.name}: ${items.length} item(s)${items.length ? ` ${shown.join(' ')}${more}` : ''}`,
				);
			}
		}
		const state = sandbox.state();
		say(
			`the sandbox now holds ${state.groups.groupid.length} GroupID group(s) and ${state.groups.uipath.length} UiPath local group(s); tokens issued: GroupID ${state.tokensIssued.groupid}, UiPath ${state.tokensIssued.uipath}`,
		);
	} finally {
		await sandbox.close();
		fs.rmSync(home, { recursive: true, force: true });
	}
	process.exitCode = failures === 0 ? 0 : 1;
}

/** The fields of an output item worth reading on a terminal (all of them, if none of these is there). */
const SHOWN_FIELDS = [
	'error',
	'groupName',
	'groupGuid',
	'name',
	'id',
	'objectGuid',
	'displayName',
	'sAMAccountName',
	'identifier',
	'email',
	'description',
	'added',
	'removed',
	'expired',
	'renewed',
	'deleted',
];

function summarize(json) {
	const shown = Object.fromEntries(
		SHOWN_FIELDS.filter((field) => json[field] !== undefined).map((field) => [field, json[field]]),
	);
	if (Array.isArray(json.members))
		shown.members = json.members.map((member) => member.displayName ?? member.identifier);
	return Object.keys(shown).length > 0 ? shown : json;
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
