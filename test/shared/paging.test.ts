import { collectOffsetPages } from '../../nodes/shared/paging';

/** A server holding `total` rows, sending at most `cap` per page, and reporting the total or not. */
function server(total: number, cap: number, reportsTotal: boolean) {
	const asked: Array<[number, number]> = [];
	const fetchPage = async (offset: number, size: number) => {
		asked.push([offset, size]);
		const results = Array.from(
			{ length: Math.max(0, Math.min(size, cap, total - offset)) },
			(_, i) => offset + i,
		);
		return reportsTotal ? { results, totalCount: total } : { results };
	};
	return { asked, fetchPage };
}

describe('collectOffsetPages: lists paged by skip and top', () => {
	test('Return All follows a server that sends fewer rows than asked, while its total is not reached', async () => {
		const { asked, fetchPage } = server(5, 2, true);

		expect(await collectOffsetPages({ returnAll: true }, 1000, fetchPage)).toEqual([0, 1, 2, 3, 4]);
		expect(asked).toEqual([
			[0, 1000],
			[2, 1000],
			[4, 1000],
		]);
	});

	test('a limit asks only for what is still wanted', async () => {
		const { asked, fetchPage } = server(10, 3, true);

		expect(await collectOffsetPages({ returnAll: false, limit: 4 }, 1000, fetchPage)).toEqual([
			0, 1, 2, 3,
		]);
		expect(asked).toEqual([
			[0, 4],
			[3, 1],
		]);
	});

	test('without a total, a short page is the last', async () => {
		const { asked, fetchPage } = server(3, 1000, false);

		expect(await collectOffsetPages({ returnAll: true }, 2, fetchPage)).toEqual([0, 1, 2]);
		expect(asked).toEqual([
			[0, 2],
			[2, 2],
		]);
	});

	test('an empty page ends the list even if the total says more', async () => {
		const fetchPage = jest.fn(async () => ({ results: [] as number[], totalCount: 7 }));

		expect(await collectOffsetPages({ returnAll: true }, 100, fetchPage)).toEqual([]);
		expect(fetchPage).toHaveBeenCalledTimes(1);
	});
});
