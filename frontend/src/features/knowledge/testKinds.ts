/** Knowledge room (tests): an import kind's column as /api/import-kinds answers it. */
import type { KindColumn } from './types';

export function col(name: string, over: Partial<KindColumn> = {}): KindColumn {
  return {
    name,
    type: 'code',
    required: true,
    maxLength: 64,
    aliases: [],
    vocabulary: null,
    default: null,
    minimum: null,
    maximum: null,
    references: null,
    rule: null,
    ...over,
  };
}
