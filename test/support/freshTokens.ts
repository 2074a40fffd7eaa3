// Every test starts with no shared token, as a new n8n process does: each test's server issues
// its own tokens and counts them.
import { forgetSharedTokens } from '../../nodes/shared/auth/sharedToken';

beforeEach(() => forgetSharedTokens());
