#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm start`: the local sandbox and a real n8n with this package installed, both example
 * workflows loaded and their credentials pointing at the sandbox. Runs until Ctrl+C.
 *
 *   N8N_PORT       the editor's port (default 5678)
 *   SANDBOX_PORT   the sandbox's port (default 5690)
 *   N8N_RUN_HOME   the n8n user folder (default .n8n-run/ in the project, not tracked), so that
 *                  the owner account and anything made in the editor are kept from one start to the next
 * Stops on Ctrl+C, and on SIGINT or SIGTERM sent to npm's own process (`npm start` execs this script).
 */
const fs = require('node:fs');
const path = require('node:path');
const { startSandbox } = require('../sandbox/server');
const n8n = require('./lib/realN8n');
const { exampleWorkflows, sandboxCredentials } = require('./lib/sandboxSetup');

async function main() {
	const editorPort = Number(process.env.N8N_PORT ?? 5678);
	const sandboxPort = Number(process.env.SANDBOX_PORT ?? 5690);
	const runtime = n8n.ensureN8nInstalled();
	const home = process.env.N8N_RUN_HOME ?? path.join(n8n.projectRoot, '.n8n-run');
	fs.mkdirSync(home, { recursive: true });
	n8n.createN8nHome(n8n.packPackage(), home);
	console.log(`Installed the package into ${home}/.n8n/nodes`);

	const sandbox = await startSandbox({ port: sandboxPort, quiet: true });
	console.log(`Sandbox for GroupID and UiPath listening at ${sandbox.url}`);
	await n8n.importCredentials(runtime, home, sandboxCredentials(sandbox.url));
	await n8n.importWorkflows(runtime, home, exampleWorkflows());
	console.log('Imported the example workflows and their sandbox credentials');

	console.log(`Starting n8n ${runtime.version} on port ${editorPort} ...`);
	// n8n's own log goes to a file: offline, it keeps reporting that it cannot reach n8n's servers.
	const logFile = path.join(home, 'n8n.log');
	const log = fs.createWriteStream(logFile);
	const child = await n8n.startN8n(runtime, home, editorPort, {
		onOutput: (text) => log.write(text),
	});
	const editor = `http://127.0.0.1:${editorPort}`;
	const ownerCreated = await n8n.ensureOwner(editor);
	console.log(`
n8n is running: open ${editor}
  sign in as ${n8n.LOCAL_OWNER.email} with the password ${n8n.LOCAL_OWNER.password}${ownerCreated ? ' (account created now)' : ''}
  the workflows "Example: create the documented ..." create groups in the sandbox: open one and press "Execute workflow"
  what the sandbox received: ${sandbox.url}/__sandbox/requests   state: ${sandbox.url}/__sandbox/state
  n8n's log: ${logFile}
Press Ctrl+C to stop.`);

	const stop = async () => {
		child.kill('SIGTERM');
		await sandbox.close();
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	child.on('exit', (code) => {
		console.log(`n8n stopped (exit code ${code})`);
		void sandbox.close();
	});
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
