// @ts-check
'use strict';
/**
 * `npm start` as a process manager runs it: started through npm, stopped with SIGTERM sent to
 * npm's own process. n8n and the sandbox must then stop and free their ports.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const n8n = require('../../scripts/lib/realN8n');

/** Whether something accepts connections on the port. */
function listening(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

async function waitFor(check, timeoutMs, what) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`timed out waiting for ${what}`);
}

test('SIGTERM sent to npm start stops n8n and the sandbox', async () => {
	n8n.ensureN8nInstalled();
	const [editorPort, sandboxPort] = [await n8n.freePort(), await n8n.freePort()];
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'group-provisioning-start-'));
	let output = '';
	const npm = spawn('npm', ['start'], {
		cwd: n8n.projectRoot,
		env: {
			...process.env,
			N8N_PORT: String(editorPort),
			SANDBOX_PORT: String(sandboxPort),
			N8N_RUN_HOME: home,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		// Its own process group, so that whatever it leaves behind on failure can be cleaned up.
		detached: true,
	});
	npm.stdout.on('data', (chunk) => (output += chunk));
	npm.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise((resolve) => npm.once('exit', resolve));
	try {
		await waitFor(
			async () => output.includes('n8n is running'),
			5 * 60_000,
			`npm start (output so far: ${output.slice(-500)})`,
		);
		expect(await listening(editorPort)).toBe(true);
		expect(await listening(sandboxPort)).toBe(true);

		npm.kill('SIGTERM');
		await waitFor(
			async () => !(await listening(editorPort)) && !(await listening(sandboxPort)),
			30_000,
			'both ports to close',
		);
		await exited;
	} finally {
		try {
			process.kill(-(/** @type {number} */ (npm.pid)), 'SIGKILL');
		} catch {
			// The group has ended.
		}
		fs.rmSync(home, { recursive: true, force: true });
	}
});
