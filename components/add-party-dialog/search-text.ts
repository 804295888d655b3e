/** The sentence shown for search text the server's query language cannot carry. */
import { msg, str } from '@lit/localize';
import type { QueryValueError } from '../../src/index.js';

/** A friendly sentence for search text the query builder refused. */
export function searchTextProblem(error: QueryValueError): string {
  switch (error.reason) {
    case 'caret':
      return msg("Search text can't contain ^ (it separates conditions in the server's query language).");
    case 'equals':
      return msg("Search text can't contain = (it is an operator in the server's query language).");
    case 'control-character':
      return msg("Search text can't contain line breaks, tabs or other control characters.");
    case 'look-alike':
      return msg("Search text can't contain characters that look like ^ or = (for example fullwidth ＾).");
    default:
      return msg(str`Search text can't be used as it is (${error.reason}); remove unusual characters.`);
  }
}
