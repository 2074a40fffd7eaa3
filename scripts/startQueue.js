#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * `npm run start:queue`: the local sandbox and n8n in queue mode (Postgres, Redis, a main
 * instance and two workers, each with this package installed), with the example workflows, their
 * sandbox credentials, and two published webhook workflows that create groups in bulk.
 * Runs until Ctrl+C, then stops everything and removes its temporary folder.
 *
 *   N8N_PORT        the editor's port (default 5678)
 *   SANDBOX_PORT    the sandbox's port (default 5690)
 *   QUEUE_WORKERS   how many workers (default 2)
 *   DB_POSTGRESDB_HOST, QUEUE_BULL_REDIS_HOST (and their other variables): use your own
 *                   Postgres or Redis instead of starting them (see docs/queue-mode.md)
 */
const fs = require('node:fs');
const path = require('node:path');
const { startSandbox } = require('../sandbox/server');
const n8n = require('./lib/realN8n');
const { startQueueMode } = require('./lib/queueMode');
const {
	exampleWorkflows,
	sandboxCredentials,
	GROUPID_CREDENTIAL_ID,
	UIPATH_CREDENTIAL_ID,
} = require('./lib/sandboxSetup');
const load = require('./lib/loadWorkflows');

const BULK_WORKFLOWS = [
	{
		id: 'bulkGroupIdSmartGroups',
		name: 'Bulk: create GroupID Smart Groups (webhook)',
		path: 'provision-groupid',
		node: () => load.ourSmartGroupNode(2, GROUPID_CREDENTIAL_ID),
	},
	{
		id: 'bulkUiPathLocalGroups',
		name: 'Bulk: create UiPath local groups (webhook)',
		path: 'provision-uipath',
		node: () => load.ourLocalGroupNode(5, UIPATH_CREDENTIAL_ID),
	},
];

async function main() {
	const editorPort = Number(process.env.N8N_PORT ?? 5678);
	const sandboxPort = Number(process.env.SANDBOX_PORT ?? 5690);
	const workers = Number(process.env.QUEUE_WORKERS ?? 2);
	const say = (/** @type {string} */ text) => console.log(text);

	const sandbox = await startSandbox({ port: sandboxPort, quiet: true, recordLimit: 1000 });
	say(`Sandbox for GroupID and UiPath listening at ${sandbox.url}`);
	const tarball = n8n.packPackage();
	say(
		`Starting n8n ${n8n.ensureN8nInstalled().version} in queue mode with ${workers} workers (the first start installs n8n, Postgres and Redis) ...`,
	);
	const queue = await startQueueMode({
		tarball,
		workers,
		editorPort,
		credentials: sandboxCredentials(sandbox.url),
		workflows: [
			...exampleWorkflows(),
			...BULK_WORKFLOWS.map((workflow) =>
				load.webhookWorkflow(workflow.id, workflow.name, workflow.path, workflow.node()),
			),
		],
		publish: BULK_WORKFLOWS.map((workflow) => workflow.id),
		// "Execute workflow" in the editor runs on the workers too, as it always will in n8n 3.
		env: { OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true' },
		say,
	});
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	const ownerCreated = await n8n.ensureOwner(queue.editorUrl);
	const example = BULK_WORKFLOWS[0].path;
	console.log(`
n8n is running in queue mode: open ${queue.editorUrl}
  sign in as ${n8n.LOCAL_OWNER.email} with the password ${n8n.LOCAL_OWNER.password}${ownerCreated ? ' (account created now)' : ''}
  database: ${queue.services.postgres}; queue: ${queue.services.redis}; workers: ${queue.workers.map((worker) => `${worker.name} (process ${worker.child.pid})`).join(', ')}
  create 100 Smart Groups in the sandbox, run by a worker (the answer comes when they exist):
    curl -X POST ${queue.editorUrl}/webhook/${example} -H 'Content-Type: application/json' -d '{"count": 100, "prefix": "dept-"}'
  (and /webhook/${BULK_WORKFLOWS[1].path} for UiPath local groups)
  what the sandbox received: ${sandbox.url}/__sandbox/requests   state: ${sandbox.url}/__sandbox/state
  n8n's logs: ${queue.folder}/main.log, ${queue.workers.map((worker) => path.basename(worker.logFile)).join(', ')}
Press Ctrl+C to stop; everything in ${queue.folder} is removed then.`);

	const stop = async () => {
		await queue.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	queue.main.on('exit', (code) => {
		console.log(`n8n main stopped (exit code ${code})`);
		void stop();
	});
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
