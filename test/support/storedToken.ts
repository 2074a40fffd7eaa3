import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SESSION } from '../../nodes/shared/auth/bearerToken';
import { accountOf } from '../../nodes/shared/auth/sharedToken';

/** The credential with `token` stored in it as n8n stores a fetched one: with the account it was fetched for. */
export function withStoredToken<T extends ICredentialDataDecryptedObject>(
	credentials: T,
	token: string,
): T {
	return {
		...credentials,
		[SESSION.token]: token,
		[SESSION.account]: accountOf(credentials, SESSION),
	};
}
