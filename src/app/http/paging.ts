import { z } from 'zod';

/**
 * The `page` and `pageSize` every JSON list takes (lists answer `total`, `page`, `pageSize`, `items`), with the largest
 * page the list allows. Spread into a list's query schema: `z.strictObject({ ...pagingQuery(100), … })`.
 */
export function pagingQuery(maxPageSize: number) {
  return {
    page: z.coerce.number().int().min(1).max(100000).default(1).describe('Page number, from 1'),
    pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(50).describe(`Items per page, at most ${maxPageSize}`),
  };
}
