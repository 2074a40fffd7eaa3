// @ts-check
'use strict';

/**
 * The HTTPS key and certificate: the caller's own, or a self-signed one for localhost/127.0.0.1/::1, made with
 * the `openssl` command once per process and shared by every sandbox of it.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile } = require('node:child_process');

const OPENSSL =
	process.env.OPENSSL || (fs.existsSync('/usr/bin/openssl') ? '/usr/bin/openssl' : 'openssl');

/** @typedef {{key: string|Buffer, cert: string|Buffer}} Tls */

/** @type {Promise<{key: string, cert: string, certFile: string}>|undefined} */
let certificatePromise;

/** @returns {Promise<{key: string, cert: string, certFile: string}>} */
function selfSignedCertificate() {
	if (!certificatePromise) {
		certificatePromise = generateCertificate().catch((error) => {
			// A failure is not kept: the next sandbox tries again.
			certificatePromise = undefined;
			throw error;
		});
	}
	return certificatePromise;
}

/** @returns {Promise<{key: string, cert: string, certFile: string}>} */
function generateCertificate() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'group-provisioning-sandbox-'));
	process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
	const keyFile = path.join(dir, 'key.pem');
	const certFile = path.join(dir, 'cert.pem');
	const args = [
		'req',
		'-x509',
		'-newkey',
		'ec',
		'-pkeyopt',
		'ec_paramgen_curve:prime256v1',
		'-nodes',
		'-keyout',
		keyFile,
		'-out',
		certFile,
		'-days',
		'30',
		'-subj',
		'/CN=localhost',
		'-addext',
		'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
	];
	return new Promise((resolve, reject) => {
		execFile(OPENSSL, args, { timeout: 30000 }, (error, _stdout, stderr) => {
			if (error) {
				reject(
					new Error(
						`openssl could not make the sandbox certificate: ${error.message} ${String(stderr).trim()}`,
					),
				);
				return;
			}
			resolve({
				key: fs.readFileSync(keyFile, 'utf8'),
				cert: fs.readFileSync(certFile, 'utf8'),
				certFile,
			});
		});
	});
}

/**
 * The key and certificate to serve HTTPS with (none: plain HTTP), and the PEM file of a generated certificate.
 * @param {{tls?: Tls, https?: boolean}} options
 * @returns {Promise<{tls: Tls|undefined, certFile: string|undefined}>}
 */
async function tlsOf(options) {
	if (options.tls) return { tls: options.tls, certFile: undefined };
	if (!options.https) return { tls: undefined, certFile: undefined };
	const generated = await selfSignedCertificate();
	return { tls: { key: generated.key, cert: generated.cert }, certFile: generated.certFile };
}

module.exports = { selfSignedCertificate, tlsOf };
