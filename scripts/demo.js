#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run demo`: runs both example workflows in a real n8n with this package installed, against
 * the local sandbox, prints the groups they created, and exits (non-zero if either failed).
 */
const fs = require('node:fs');
const { startSandbox } = require('../sandbox/server');
const n8n = require('./lib/realN8n');
const { exampleWorkflows, sandboxCredentials } = require('./lib/sandboxSetup');

async function main() {
	const started = Date.now();
	const say = (text) => console.log(`[demo ${((Date.now() - started) / 1000).toFixed(1)}s] ${text}`);
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
			const lastNode = workflow.nodes[workflow.nodes.length - 1].name;
			if (!result.succeeded) {
				failures++;
				say(`FAILED "${workflow.name}": ${result.errorMessage ?? result.stderr.slice(-2000)}`);
				continue;
			}
			say(`"${workflow.name}" succeeded:`);
			for (const item of n8n.nodeOutput(result.execution, lastNode)) {
				console.log(JSON.stringify(summarize(item.json), null, 2));
			}
		}
		const state = sandbox.state();
		say(`the sandbox now holds ${state.groups.groupid.length} Smart Group(s) and ${state.groups.uipath.length} local group(s); tokens issued: GroupID ${state.tokensIssued.groupid}, UiPath ${state.tokensIssued.uipath}`);
	} finally {
		await sandbox.close();
		fs.rmSync(home, { recursive: true, force: true });
	}
	process.exitCode = failures === 0 ? 0 : 1;
}

/** The part of a node's output worth reading on a terminal. */
function summarize(json) {
	if ('groupGuid' in json) {
		return { smartGroup: json.groupName, guid: json.groupGuid, container: json.container, identityStore: json.identityStoreId };
	}
	return {
		localGroup: json.name,
		id: json.id,
		members: (json.members ?? []).map((member) => `${member.displayName} (${member.identifier})`),
	};
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
