import { lifecycleOperation } from './lifecycle';

export const renewGroup = lifecycleOperation('renew', {
	name: 'Renew',
	description: 'Renew a group, through GroupID',
});
