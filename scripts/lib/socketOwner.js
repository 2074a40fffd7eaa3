// @ts-check
'use strict';
/**
 * Which process sent a request, from the port it sent it from: Linux lists every TCP socket in
 * /proc/net/tcp{,6} with its inode, and every open socket of a process as a link
 * "socket:[inode]" in /proc/<pid>/fd. Used to count the token requests of each n8n worker, which
 * all use one credential and look alike on the wire.
 */
const fs = require('node:fs');

/** The inodes of the TCP sockets whose local port is `port`. @param {number} port */
function socketInodes(port) {
	const inodes = new Set();
	const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text;
		try {
			text = fs.readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const columns = line.trim().split(/\s+/);
			// columns: sl, local address, remote address, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode
			if (columns.length > 9 && columns[1].endsWith(`:${hexPort}`) && columns[9] !== '0')
				inodes.add(columns[9]);
		}
	}
	return inodes;
}

/**
 * The first of `pids` that holds a socket on local port `port`, or undefined.
 * @param {number} port @param {number[]} pids
 */
function processOfPort(port, pids) {
	const inodes = socketInodes(port);
	if (inodes.size === 0) return undefined;
	for (const pid of pids) {
		let fds;
		try {
			fds = fs.readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			let target;
			try {
				target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
			} catch {
				continue;
			}
			const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
			if (inode && inodes.has(inode)) return pid;
		}
	}
	return undefined;
}

module.exports = { processOfPort };
