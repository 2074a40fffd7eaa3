// @ts-check
'use strict';
/**
 * n8n in queue mode, as teams run it at scale: Postgres as the database, Redis as the queue, one
 * main instance (editor, REST API, webhooks, which enqueues executions) and workers (`n8n worker`)
 * that run them. Every n8n process has its own user folder with this package installed from its
 * tarball, as each machine or container of a real deployment has.
 *
 * Postgres and Redis are Debian's (installed by scripts/install-queue-services.sh when missing),
 * run by this script on loopback ports with their data in a temporary folder, and stopped with
 * everything else: by stop(), on exit, on Ctrl+C, and, should this process be killed, by a small
 * watcher process (queueReaper.js) that outlives it. Set DB_POSTGRESDB_HOST (and the other
 * DB_POSTGRESDB_* variables) or QUEUE_BULL_REDIS_HOST (and QUEUE_BULL_REDIS_PORT/_PASSWORD) to use
 * servers of your own instead.
 */
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const n8n = require('./realN8n');

const INSTALL_SERVICES = path.join(n8n.projectRoot, 'scripts', 'install-queue-services.sh');
const REAPER = path.join(__dirname, 'queueReaper.js');

/**
 * @typedef {ReturnType<typeof n8n.ensureN8nInstalled>} Runtime
 * @typedef {{name: string, home: string, healthPort: number, child: import('node:child_process').ChildProcess, logFile: string}} Worker
 * @typedef {object} QueueDeployment
 * @property {string} editorUrl   the main instance, e.g. http://127.0.0.1:5678
 * @property {Runtime} runtime
 * @property {string} folder      the temporary folder holding every data directory and log
 * @property {Record<string, string>} env  the queue settings every n8n process of this deployment gets
 * @property {import('node:child_process').ChildProcess} main
 * @property {string} mainLogFile
 * @property {Worker[]} workers
 * @property {{postgres: string, redis: string}} services  where they are, in words
 * @property {(index: number) => Promise<Worker>} startWorker starts worker `index` again (after it was stopped or killed)
 * @property {(index: number) => Promise<void>} stopWorker stops worker `index` as n8n stops (it finishes its executions first)
 * @property {() => number[]} pids   the n8n processes' ids, main first
 * @property {() => string} logTails the end of each n8n process's log (for a failure's message)
 * @property {() => Promise<void>} stop
 */

/**
 * @param {object} options
 * @param {string} options.tarball  the package as `npm pack` made it
 * @param {number} [options.workers] default 2
 * @param {number} [options.concurrency] executions each worker runs at once (n8n's default: 10)
 * @param {number} [options.editorPort] default: any free port
 * @param {object[]} [options.credentials] imported before n8n starts
 * @param {object[]} [options.workflows] imported before n8n starts
 * @param {string[]} [options.publish] ids of workflows to publish (activate), so their triggers listen
 * @param {Record<string, string>} [options.env] more settings for every n8n process
 * @param {(text: string) => void} [options.say]
 * @returns {Promise<QueueDeployment>}
 */
async function startQueueMode(options) {
	const say = options.say ?? (() => {});
	const runtime = n8n.ensureN8nInstalled();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'group-provisioning-queue-'));
	// Postgres runs as its own user, which must reach its data directory inside.
	fs.chmodSync(folder, 0o711);
	const pidFile = path.join(folder, 'pids');
	fs.writeFileSync(pidFile, '');
	const reaper = spawn(process.execPath, [REAPER, String(process.pid), folder], {
		detached: true,
		stdio: 'ignore',
	});
	reaper.unref();
	/** @type {import('node:child_process').ChildProcess[]} */
	const children = [];
	const track = (/** @type {import('node:child_process').ChildProcess} */ child) => {
		children.push(child);
		if (child.pid) fs.appendFileSync(pidFile, `${child.pid}\n`);
		return child;
	};

	let stopping;
	const stop = () => {
		stopping ??= (async () => {
			process.off('exit', killAllNow);
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
			// n8n first (workers finish or give back their jobs), then the queue and the database.
			const n8nChildren = children.filter((child) => child.spawnargs[0] === runtime.n8nBin);
			await Promise.all(
				n8nChildren.map(async (child) => await stopProcess(child, 'SIGTERM', 20_000)),
			);
			await Promise.all(children.map(async (child) => await stopProcess(child, 'SIGINT', 20_000)));
			fs.rmSync(folder, { recursive: true, force: true });
			try {
				if (reaper.pid) process.kill(reaper.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		})();
		return stopping;
	};
	// On exit only synchronous work is possible: signal everything; the reaper removes the folder.
	const killAllNow = () => {
		for (const child of children)
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	};
	const onSignal = () => {
		void stop().finally(() => process.exit(130));
	};
	process.on('exit', killAllNow);
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);

	try {
		const database = await postgres(folder, track, say);
		const queue = await redis(folder, track, say);
		const env = {
			EXECUTIONS_MODE: 'queue',
			...database.env,
			...queue.env,
			// A prefix of this deployment's own, so that a shared Redis never mixes its jobs with another's.
			QUEUE_BULL_PREFIX: `group-provisioning-${crypto.randomBytes(4).toString('hex')}`,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...options.env,
		};

		const homes = [
			'main',
			...Array.from({ length: options.workers ?? 2 }, (_, index) => `worker-${index + 1}`),
		];
		for (const name of homes) n8n.createN8nHome(options.tarball, path.join(folder, name));
		say(`installed the package for ${homes.join(', ')}`);
		const mainHome = path.join(folder, 'main');
		// The first n8n command against an empty database creates n8n's tables.
		if (options.credentials?.length)
			await n8n.importCredentials(runtime, mainHome, options.credentials, env);
		if (options.workflows?.length)
			await n8n.importWorkflows(runtime, mainHome, options.workflows, env);
		for (const id of options.publish ?? []) await n8n.publishWorkflow(runtime, mainHome, id, env);

		const editorPort = options.editorPort ?? (await n8n.freePort());
		const mainLogFile = path.join(folder, 'main.log');
		const mainLog = fs.createWriteStream(mainLogFile);
		const main = await n8n.startN8n(runtime, mainHome, editorPort, {
			extraEnv: env,
			onOutput: (text) => mainLog.write(text),
			onSpawn: track,
		});
		say(`n8n main (editor, REST API, webhooks) at http://127.0.0.1:${editorPort}`);

		/** @type {Worker[]} */
		const workers = [];
		const startWorker = async (/** @type {number} */ index) => {
			const name = homes[index + 1];
			const healthPort = await n8n.freePort();
			const logFile = path.join(folder, `${name}.log`);
			const log = fs.createWriteStream(logFile, { flags: 'a' });
			const child = await n8n.startN8nProcess(
				runtime,
				path.join(folder, name),
				['worker', `--concurrency=${options.concurrency ?? 10}`],
				{
					env: { ...env, QUEUE_HEALTH_CHECK_PORT: String(healthPort) },
					healthUrl: `http://127.0.0.1:${healthPort}/healthz/readiness`,
					onOutput: (text) => log.write(text),
					onSpawn: track,
				},
			);
			workers[index] = { name, home: path.join(folder, name), healthPort, child, logFile };
			say(`n8n ${name} running (process ${child.pid})`);
			return workers[index];
		};
		await Promise.all(homes.slice(1).map(async (_, index) => await startWorker(index)));

		return {
			editorUrl: `http://127.0.0.1:${editorPort}`,
			runtime,
			folder,
			env,
			main,
			mainLogFile,
			workers,
			services: { postgres: database.where, redis: queue.where },
			startWorker,
			stopWorker: async (index) => await stopProcess(workers[index].child, 'SIGTERM', 60_000),
			pids: () => [main, ...workers.map((worker) => worker.child)].map((child) => child.pid ?? 0),
			logTails: () =>
				[['main', mainLogFile], ...workers.map((worker) => [worker.name, worker.logFile])]
					.map(([name, file]) => `--- ${name} (${file}):\n${tail(file)}`)
					.join('\n'),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * This deployment's Postgres, or the one DB_POSTGRESDB_HOST names.
 * @param {string} folder @param {(child: import('node:child_process').ChildProcess) => unknown} track @param {(text: string) => void} say
 */
async function postgres(folder, track, say) {
	if (process.env.DB_POSTGRESDB_HOST) {
		const env = Object.fromEntries(
			Object.entries(process.env).filter(([name]) => name.startsWith('DB_POSTGRESDB_')),
		);
		return {
			env: { DB_TYPE: 'postgresdb', ...env },
			where: `your Postgres at ${process.env.DB_POSTGRESDB_HOST}`,
		};
	}
	const bin = servicesBin();
	const port = await n8n.freePort();
	const password = crypto.randomBytes(12).toString('hex');
	const dataDir = path.join(folder, 'postgres');
	fs.mkdirSync(dataDir, { mode: 0o700 });
	const passwordFile = path.join(folder, 'postgres-password');
	fs.writeFileSync(passwordFile, password, { mode: 0o600 });
	// Postgres refuses to run as root: as root, it runs as Debian's postgres user.
	const user = process.getuid?.() === 0 ? postgresUser() : undefined;
	if (user) {
		fs.chownSync(dataDir, user.uid, user.gid);
		fs.chownSync(passwordFile, user.uid, user.gid);
	}
	const initdb = spawnSync(
		path.join(bin, 'initdb'),
		[
			'-D',
			dataDir,
			'-U',
			'n8n',
			'--auth=scram-sha-256',
			`--pwfile=${passwordFile}`,
			'-E',
			'UTF8',
			'--locale=C.UTF-8',
		],
		{ encoding: 'utf8', ...user },
	);
	fs.rmSync(passwordFile);
	if (initdb.status !== 0) throw new Error(`initdb failed:\n${initdb.stderr}`);
	const logFile = path.join(folder, 'postgres.log');
	const server = track(
		spawn(
			path.join(bin, 'postgres'),
			[
				'-D',
				dataDir,
				'-p',
				String(port),
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				'unix_socket_directories=',
				// A throw-away database: durability across a power cut is not needed, speed is.
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
			],
			{ stdio: ['ignore', fs.openSync(logFile, 'a'), fs.openSync(logFile, 'a')], ...user },
		),
	);
	const connection = {
		PGHOST: '127.0.0.1',
		PGPORT: String(port),
		PGUSER: 'n8n',
		PGPASSWORD: password,
	};
	await waitFor(
		() =>
			spawnSync(path.join(bin, 'pg_isready'), ['-q'], { env: { ...process.env, ...connection } })
				.status === 0,
		() => server.exitCode !== null,
		`Postgres did not start (see ${logFile})`,
	);
	const createdb = spawnSync(path.join(bin, 'createdb'), ['n8n'], {
		env: { ...process.env, ...connection },
		encoding: 'utf8',
	});
	if (createdb.status !== 0) throw new Error(`createdb failed:\n${createdb.stderr}`);
	say(`Postgres on 127.0.0.1:${port} (data in ${dataDir})`);
	return {
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: password,
		},
		where: `Postgres on 127.0.0.1:${port}`,
	};
}

/**
 * This deployment's Redis, or the one QUEUE_BULL_REDIS_HOST names.
 * @param {string} folder @param {(child: import('node:child_process').ChildProcess) => unknown} track @param {(text: string) => void} say
 */
async function redis(folder, track, say) {
	if (process.env.QUEUE_BULL_REDIS_HOST) {
		const env = Object.fromEntries(
			Object.entries(process.env).filter(([name]) => name.startsWith('QUEUE_BULL_REDIS_')),
		);
		return { env, where: `your Redis at ${process.env.QUEUE_BULL_REDIS_HOST}` };
	}
	servicesBin();
	const port = await n8n.freePort();
	const password = crypto.randomBytes(12).toString('hex');
	const dataDir = path.join(folder, 'redis');
	fs.mkdirSync(dataDir, { mode: 0o700 });
	const configFile = path.join(dataDir, 'redis.conf');
	// The password goes in a file, not on the command line, where `ps` would show it.
	fs.writeFileSync(
		configFile,
		[
			`port ${port}`,
			'bind 127.0.0.1',
			`dir ${dataDir}`,
			'save ""',
			'appendonly no',
			`requirepass ${password}`,
			'',
		].join('\n'),
		{ mode: 0o600 },
	);
	let ready = false;
	const server = track(spawn('redis-server', [configFile], { stdio: ['ignore', 'pipe', 'pipe'] }));
	const logFile = fs.createWriteStream(path.join(folder, 'redis.log'));
	server.stdout?.on('data', (chunk) => {
		logFile.write(chunk);
		if (String(chunk).includes('Ready to accept connections')) ready = true;
	});
	server.stderr?.on('data', (chunk) => logFile.write(chunk));
	await waitFor(
		() => ready,
		() => server.exitCode !== null,
		`Redis did not start (see ${path.join(folder, 'redis.log')})`,
	);
	say(`Redis on 127.0.0.1:${port}`);
	return {
		env: {
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(port),
			QUEUE_BULL_REDIS_PASSWORD: password,
		},
		where: `Redis on 127.0.0.1:${port}`,
	};
}

let servicesBinDir = '';
/** Installs Postgres and Redis if missing (once per process); returns Postgres's program folder. */
function servicesBin() {
	if (!servicesBinDir) {
		const output = execFileSync('bash', [INSTALL_SERVICES], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		servicesBinDir = output.trim().split('\n').pop() ?? '';
	}
	return servicesBinDir;
}

function postgresUser() {
	const read = (/** @type {string} */ flag) =>
		Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: read('-u'), gid: read('-g') };
}

/**
 * @param {() => boolean} done @param {() => boolean} failed @param {string} message
 */
async function waitFor(done, failed, message, timeoutMs = 60_000) {
	const until = Date.now() + timeoutMs;
	while (!done()) {
		if (failed() || Date.now() > until) throw new Error(message);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/**
 * Signals a process and waits for it to exit, killing it after `graceMs`.
 * @param {import('node:child_process').ChildProcess} child @param {NodeJS.Signals} signal @param {number} graceMs
 */
async function stopProcess(child, signal, graceMs) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill(signal);
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

/** The last lines of a log file. @param {string} file */
function tail(file, lines = Number(process.env.QUEUE_LOG_LINES ?? 40)) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

module.exports = { startQueueMode, stopProcess };
