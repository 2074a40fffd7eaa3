// @ts-check
'use strict';

/**
 * The command line of `node sandbox/server.js`: parses the flags, starts the sandbox, prints one JSON line once it
 * listens and stops on SIGINT/SIGTERM (exit 0). Bad flags exit 2, a failed start 1.
 */

/** @typedef {import('./server').SandboxOptions} SandboxOptions */
/** @typedef {import('./server').Sandbox} Sandbox */

const USAGE = `usage: node sandbox/server.js [--port N] [--host 127.0.0.1] [--https] [--latency-ms N]
       [--token-lifetime-s N] [--record-limit N] [--no-record-bodies] [--uipath-profile automation-suite|standalone]
       [--extra-users N] [--rate-limit-scale N] [--verbose] [--quiet]

Starts the local stand-in for Netwrix GroupID and UiPath Identity (see sandbox/README.md) and prints one
JSON line {"url","https","port"[,"caFile"]} once listening; stops on SIGINT/SIGTERM.
--rate-limit-scale N enforces UiPath's documented rate limits per organization, method and rolling
5-minute window, that window scaled by N (0.02: 6 s), answering 429 with Retry-After past them.`;

/** @param {string} name @param {string|undefined} value */
function numberArg(name, value) {
	const n = Number(value);
	if (value === undefined || value.trim() === '' || !Number.isFinite(n))
		throw new Error(`${name} needs a number`);
	return n;
}

/** @param {string[]} argv @returns {SandboxOptions} */
function parseArgs(argv) {
	/** @type {SandboxOptions} */
	const options = {};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] =
			argv[i].startsWith('--') && argv[i].includes('=')
				? argv[i].split(/=(.*)/s, 2)
				: [argv[i], undefined];
		const value = () => (inline !== undefined ? inline : argv[++i]);
		switch (flag) {
			case '--port':
				options.port = numberArg(flag, value());
				break;
			case '--host':
				options.host = value();
				if (!options.host) throw new Error('--host needs a value');
				break;
			case '--https':
				options.https = true;
				break;
			case '--latency-ms':
				options.latencyMs = numberArg(flag, value());
				break;
			case '--token-lifetime-s':
				options.tokenLifetimeSeconds = numberArg(flag, value());
				break;
			case '--record-limit':
				options.recordLimit = numberArg(flag, value());
				break;
			case '--rate-limit-scale':
				options.rateLimit = { timeScale: numberArg(flag, value()) };
				break;
			case '--no-record-bodies':
				options.recordBodies = false;
				break;
			case '--uipath-profile': {
				const profile = value();
				if (
					profile !== 'automation-cloud' &&
					profile !== 'automation-suite' &&
					profile !== 'standalone'
				) {
					throw new Error(
						'--uipath-profile needs automation-cloud, automation-suite or standalone',
					);
				}
				options.uipathProfile = profile;
				break;
			}
			case '--extra-users':
				options.extraUsers = numberArg(flag, value());
				break;
			case '--verbose':
				options.verbose = true;
				break;
			case '--quiet':
				options.quiet = true;
				break;
			case '--help':
			case '-h':
				process.stdout.write(`${USAGE}\n`);
				process.exit(0);
				break;
			default:
				throw new Error(`unknown argument '${argv[i]}'`);
		}
	}
	return options;
}

/** @param {(options: SandboxOptions) => Promise<Sandbox>} startSandbox */
async function main(startSandbox) {
	/** @type {SandboxOptions} */
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`sandbox: ${/** @type {Error} */ (error).message}\n${USAGE}\n`);
		process.exit(2);
	}
	/** @type {Sandbox} */
	let sandbox;
	try {
		sandbox = await startSandbox(options);
	} catch (error) {
		process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
		process.exit(1);
	}
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	/** @type {Record<string, unknown>} */
	const line = { url: sandbox.url, https: sandbox.https, port: sandbox.port };
	if (sandbox.certFile) line.caFile = sandbox.certFile;
	process.stdout.write(`${JSON.stringify(line)}\n`);
}

module.exports = { main };
