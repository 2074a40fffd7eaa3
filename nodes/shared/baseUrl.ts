export type BaseUrlCheck =
	| { url: string; problem?: undefined }
	| { url?: undefined; problem: string };

/**
 * Checks a URL typed into a credential and gives it back without trailing slashes, or says what
 * is wrong with it. `allowPath` is off for a server address (where a path is a mistake) and on
 * for a base URL.
 */
export function checkBaseUrl(value: unknown, { allowPath }: { allowPath: boolean }): BaseUrlCheck {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') return { problem: 'is empty' };
	if (!/^https?:\/\//i.test(text)) {
		return { problem: `must start with https:// (or http://), got "${text}"` };
	}
	if (!URL.canParse(text)) return { problem: `is not a valid URL: "${text}"` };
	const url = new URL(text);
	if (url.search !== '' || url.hash !== '') {
		return { problem: 'must not contain a query string (?...) or a fragment (#...)' };
	}
	if (url.username !== '' || url.password !== '') {
		return { problem: 'must not contain a user name or password' };
	}
	const path = url.pathname.replace(/\/+$/, '');
	if (!allowPath && path !== '') {
		return {
			problem: `must be the server address only, like https://server:4443, without the path "${url.pathname}"`,
		};
	}
	return { url: `${url.protocol}//${url.host}${path}` };
}
