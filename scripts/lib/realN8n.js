// @ts-check
'use strict';
/**
 * Drives a real, pinned n8n (installed by scripts/install-n8n.sh) with this package installed
 * the way a user installs a community package: from its `npm pack` tarball into the nodes
 * folder of n8n's user folder. Used by `npm start`, `npm run demo` and the end-to-end tests.
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const projectRoot = path.resolve(__dirname, '..', '..');
const packageJson = require(path.join(projectRoot, 'package.json'));

/** A fixed key for the throw-away n8n homes these scripts make (never a production key). */
const LOCAL_ENCRYPTION_KEY = 'n8n-nodes-group-provisioning-local-only';

/**
 * The n8n version these scripts run, and the Node.js version that runs it: package.json's
 * `config.n8nVersion` and `config.n8nNodeVersion` (the newest n8n tested), unless `N8N_VERSION`
 * or `N8N_NODE_VERSION` name others (`npm run test:oldest` sets `config.n8nOldestVersion`).
 */
function pinnedVersions() {
	return {
		n8nVersion: process.env.N8N_VERSION || packageJson.config.n8nVersion,
		nodeVersion: process.env.N8N_NODE_VERSION || packageJson.config.n8nNodeVersion,
	};
}

/** Installs n8n once (cached) and returns where its CLI and its Node.js 24 live. */
function ensureN8nInstalled() {
	const { n8nVersion, nodeVersion } = pinnedVersions();
	const result = spawnSync('bash', [path.join(projectRoot, 'scripts', 'install-n8n.sh')], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
		env: { ...process.env, N8N_VERSION: n8nVersion, N8N_NODE_VERSION: nodeVersion },
	});
	if (result.status !== 0)
		throw new Error(`Installing n8n ${n8nVersion} failed (see the messages above).`);
	const n8nDir = result.stdout.trim().split('\n').pop() ?? '';
	const cacheRoot = path.dirname(n8nDir);
	return {
		version: n8nVersion,
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeBinDir: path.join(cacheRoot, `node-${nodeVersion}`, 'node_modules', 'node', 'bin'),
	};
}

/** Builds nothing: packs what `npm run build` left in dist/ into a tarball, as `npm publish` would. */
function packPackage() {
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'group-provisioning-pack-'));
	const result = spawnSync('npm', ['pack', '--silent', '--pack-destination', destination], {
		cwd: projectRoot,
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
	return path.join(destination, result.stdout.trim().split('\n').pop() ?? '');
}

/**
 * Makes an n8n user folder with the package installed from its tarball into `.n8n/nodes`,
 * as a user does by hand. npm would add the peer dependency n8n-workflow; n8n brings its own,
 * so peers are left out, and install scripts stay off as in n8n's own package installer.
 */
function createN8nHome(
	tarball,
	home = fs.mkdtempSync(path.join(os.tmpdir(), 'group-provisioning-n8n-')),
) {
	const nodesDir = path.join(home, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(
			path.join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true }, null, 2),
		);
	}
	const result = spawnSync(
		'npm',
		[
			'install',
			'--no-audit',
			'--no-fund',
			'--ignore-scripts',
			'--legacy-peer-deps',
			'--no-package-lock',
			tarball,
		],
		{ cwd: nodesDir, encoding: 'utf8' },
	);
	if (result.status !== 0)
		throw new Error(`Installing the package into n8n failed:\n${result.stderr}`);
	return home;
}

/** Environment for every n8n command: self-contained, quiet, no telemetry. */
function n8nEnvironment(runtime, home, extra = {}) {
	// Not the caller's NODE_ENV (jest sets "test", which changes how n8n behaves), its JEST_* variables,
	// nor the version choices above (n8n's Docker images set N8N_VERSION to their own version).
	const ignored = new Set(['NODE_ENV', 'N8N_VERSION', 'N8N_NODE_VERSION']);
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !ignored.has(name) && !name.startsWith('JEST_')),
	);
	return {
		...inherited,
		PATH: `${runtime.nodeBinDir}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: home,
		N8N_ENCRYPTION_KEY: LOCAL_ENCRYPTION_KEY,
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_HIDE_USAGE_PAGE: 'true',
		...extra,
	};
}

/** A free TCP port on loopback. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

let outputFiles = 0;

/**
 * Runs one n8n CLI command to its end. Its standard output goes to a file, not a pipe: n8n prints
 * an execution and then exits at once, which cuts a large execution short in a pipe.
 */
async function runN8n(runtime, home, args, extraEnv = {}, { onStart } = {}) {
	// Each n8n process starts a task broker; give each its own port so they never collide.
	const env = n8nEnvironment(runtime, home, {
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		...extraEnv,
	});
	const outputFile = path.join(home, `n8n-output-${process.pid}-${++outputFiles}.log`);
	const output = fs.openSync(outputFile, 'w');
	try {
		const { code, stderr } = await new Promise((resolve, reject) => {
			const child = spawn(runtime.n8nBin, args, { env, stdio: ['ignore', output, 'pipe'] });
			onStart?.(child);
			let stderrText = '';
			child.stderr.on('data', (chunk) => (stderrText += chunk));
			child.on('error', reject);
			child.on('close', (exitCode) => resolve({ code: exitCode, stderr: stderrText }));
		});
		return { code, stdout: fs.readFileSync(outputFile, 'utf8'), stderr };
	} finally {
		fs.closeSync(output);
		fs.rmSync(outputFile, { force: true });
	}
}

function writeJson(home, name, value) {
	const file = path.join(home, name);
	fs.writeFileSync(file, JSON.stringify(value, null, 2));
	return file;
}

/** `extraEnv` names another database, for instance (queue mode's Postgres). */
async function importCredentials(runtime, home, credentials, extraEnv = {}) {
	const result = await runN8n(
		runtime,
		home,
		['import:credentials', `--input=${writeJson(home, 'credentials-to-import.json', credentials)}`],
		extraEnv,
	);
	fs.rmSync(path.join(home, 'credentials-to-import.json'));
	if (result.code !== 0)
		throw new Error(`n8n import:credentials failed:\n${result.stdout}\n${result.stderr}`);
}

async function importWorkflows(runtime, home, workflows, extraEnv = {}) {
	// n8n 2.0's import:workflow stores each workflow's versionId as given and fails without one;
	// later versions give every imported workflow a new one. Giving one lets older n8n versions be tried.
	const withVersions = workflows.map((workflow) => ({
		versionId: crypto.randomUUID(),
		...workflow,
	}));
	const result = await runN8n(
		runtime,
		home,
		['import:workflow', `--input=${writeJson(home, 'workflows-to-import.json', withVersions)}`],
		extraEnv,
	);
	if (result.code !== 0)
		throw new Error(`n8n import:workflow failed:\n${result.stdout}\n${result.stderr}`);
}

/** Publishes (activates) an imported workflow, so that its triggers listen once n8n starts. */
async function publishWorkflow(runtime, home, workflowId, extraEnv = {}) {
	const result = await runN8n(runtime, home, ['publish:workflow', `--id=${workflowId}`], extraEnv);
	if (result.code !== 0)
		throw new Error(`n8n publish:workflow failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Executes a saved workflow with `n8n execute --id` and reads the execution n8n prints.
 * `onStart` is given the n8n process as soon as it starts (to kill it in a crash test, say).
 * @returns {Promise<{succeeded: boolean, exitCode: number | null, execution: any, errorMessage: string | undefined, stdout: string, stderr: string}>}
 */
async function executeWorkflow(runtime, home, workflowId, extraEnv = {}, { onStart } = {}) {
	const { code, stdout, stderr } = await runN8n(
		runtime,
		home,
		['execute', `--id=${workflowId}`],
		extraEnv,
		{ onStart },
	);
	const execution = parseExecution(stdout);
	// The workflow's outcome is the execution's status; the exit code can also reflect n8n's own
	// shutdown, which is not what a caller asks about. n8n 2.0.0 prints a finished execution with the
	// status it had while running; its execute command, like later ones, calls a run successful
	// when its result holds no error.
	const error = execution?.data?.resultData?.error;
	const succeeded =
		execution?.status === 'success' ||
		(execution?.status === 'running' && execution?.finished === true && error === undefined);
	// A failure n8n did not report in an execution (a crash, say) is described from its output.
	const unexplained = !succeeded && !error?.message;
	return {
		succeeded,
		exitCode: code,
		execution,
		errorMessage: unexplained
			? `n8n execute exited with code ${code} (execution status: ${execution?.status ?? 'none printed'}); its output ends:\n${`${stdout}\n${stderr}`.slice(-3000)}`
			: error?.message,
		stdout,
		stderr,
	};
}

/**
 * n8n logs the execution as indented JSON: a line "{" then lines up to a line "}". At debug log
 * level the first line carries the log prefix, the last one the log metadata, and all are coloured.
 */
function parseExecution(stdout) {
	// eslint-disable-next-line no-control-regex
	const lines = stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
	const start = lines.findIndex((line) => /^(?:\S+\s+info\s+)?\{$/.test(line));
	if (start === -1) return undefined;
	const end = lines.findIndex((line, index) => index > start && /^\}(?:\s+\{.*\})?$/.test(line));
	if (end === -1) return undefined;
	return JSON.parse(['{', ...lines.slice(start + 1, end), '}'].join('\n'));
}

/** The output items of a node in a parsed execution. */
function nodeOutput(execution, nodeName) {
	return execution?.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

/**
 * Starts `n8n start` (the editor and API) and resolves once it answers on its port.
 * `extraEnv` adds settings, such as queue mode's; `onSpawn` is given the process as soon as it exists.
 */
async function startN8n(runtime, home, port, { onOutput, onSpawn, extraEnv = {} } = {}) {
	return await startN8nProcess(runtime, home, ['start'], {
		env: {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			...extraEnv,
		},
		// /healthz answers as soon as the server listens; /healthz/readiness once the REST API and database are up.
		healthUrl: `http://127.0.0.1:${port}/healthz/readiness`,
		onOutput,
		onSpawn,
	});
}

/**
 * Starts a long-running n8n command (`start`, `worker`) and resolves with its process once
 * `healthUrl` answers 200.
 * @param {ReturnType<typeof ensureN8nInstalled>} runtime @param {string} home @param {string[]} args
 * @param {{env?: Record<string, string>, healthUrl: string, onOutput?: (text: string) => void,
 *   onSpawn?: (child: import('node:child_process').ChildProcess) => void}} options
 */
async function startN8nProcess(
	runtime,
	home,
	args,
	{ env: extraEnv = {}, healthUrl, onOutput, onSpawn },
) {
	const env = n8nEnvironment(runtime, home, {
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		...extraEnv,
	});
	const child = spawn(runtime.n8nBin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
	onSpawn?.(child);
	child.stdout.on('data', (chunk) => onOutput?.(String(chunk)));
	child.stderr.on('data', (chunk) => onOutput?.(String(chunk)));
	for (let attempt = 0; attempt < 240; attempt++) {
		if (child.exitCode !== null)
			throw new Error(`n8n ${args[0]} stopped while starting (exit code ${child.exitCode})`);
		try {
			const response = await fetch(healthUrl);
			if (response.ok) return child;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill('SIGTERM');
	throw new Error(`n8n ${args[0]} did not answer on ${healthUrl} within 2 minutes`);
}

/** Stops an n8n that startN8n started, and resolves once it has exited. */
async function stopN8n(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await exited;
}

/** The owner account made for a local n8n started by these scripts (never a production account). */
const LOCAL_OWNER = {
	email: 'owner@example.com',
	firstName: 'Local',
	lastName: 'Owner',
	password: 'Sandbox-Owner-2026',
};

/** Creates the owner account through n8n's REST API on first start; false when one exists already. */
async function ensureOwner(editor) {
	const settings = await (await fetch(`${editor}/rest/settings`)).json();
	if (settings?.data?.userManagement?.showSetupOnFirstLoad === false) return false;
	const response = await fetch(`${editor}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(LOCAL_OWNER),
	});
	if (!response.ok) throw new Error(`Could not create the owner account (HTTP ${response.status})`);
	return true;
}

/** Signs in as the local owner; returns the cookie header for REST calls. */
async function signIn(editor) {
	const response = await fetch(`${editor}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: LOCAL_OWNER.email, password: LOCAL_OWNER.password }),
	});
	if (!response.ok) throw new Error(`Signing in to n8n failed (HTTP ${response.status})`);
	return response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ');
}

module.exports = {
	LOCAL_OWNER,
	ensureOwner,
	signIn,
	projectRoot,
	pinnedVersions,
	ensureN8nInstalled,
	packPackage,
	createN8nHome,
	importCredentials,
	importWorkflows,
	publishWorkflow,
	executeWorkflow,
	nodeOutput,
	startN8n,
	startN8nProcess,
	stopN8n,
	runN8n,
	parseExecution,
	freePort,
};
