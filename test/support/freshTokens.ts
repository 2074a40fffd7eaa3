// Every test starts with no shared token and no request budget, as a new n8n process does: each
// test's server issues its own tokens and counts them, and no test inherits another's waits.
import { forgetSharedTokens } from '../../nodes/shared/auth/sharedToken';
import { forgetRequestBudgets, useBudgetClock } from '../../nodes/shared/transport/rateBudget';

beforeEach(() => {
	forgetSharedTokens();
	forgetRequestBudgets();
	useBudgetClock(undefined);
});
