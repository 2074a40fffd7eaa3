// @ts-check
'use strict';
/**
 * Started, detached, by queueMode.js: waits for that process to end, then stops whatever it had
 * started and still runs (the pids in <folder>/pids: n8n, Postgres, Redis) and removes the
 * folder. When the starter stops them itself, it kills this watcher first; this one is for the
 * cases where it cannot: killed, or crashed.
 *
 *   node queueReaper.js <starter pid> <folder>
 */
const fs = require('node:fs');

const [starter, folder] = [Number(process.argv[2]), process.argv[3]];

const alive = (/** @type {number} */ pid) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

const watch = setInterval(() => {
	if (alive(starter)) return;
	clearInterval(watch);
	let pids = [];
	try {
		pids = fs.readFileSync(`${folder}/pids`, 'utf8').split('\n').filter(Boolean).map(Number);
	} catch {
		// nothing was started
	}
	const signal = (/** @type {number} */ pid, /** @type {NodeJS.Signals} */ name) => {
		try {
			process.kill(pid, name);
		} catch {
			// gone already
		}
	};
	for (const pid of pids) signal(pid, 'SIGTERM');
	const deadline = Date.now() + 15_000;
	const finish = setInterval(() => {
		const running = pids.filter(alive);
		if (running.length > 0 && Date.now() < deadline) return;
		clearInterval(finish);
		for (const pid of running) signal(pid, 'SIGKILL');
		fs.rmSync(folder, { recursive: true, force: true });
	}, 250);
}, 500);
