// The name a user most likely meant when they mistyped one (`chek` → `check`), for the one line
// an unknown command or task gets.
import { closestMatch } from 'leven';

/**
 * ` Did you mean \`name\`?` for the candidate closest to `typed`, or '' when none is close: at
 * most one letter in three may differ (one in `chek`, two in `sigmod`), so a name that is
 * merely short is never offered for an unrelated word.
 */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const wanted = typed.trim().toLowerCase();
  const maxDistance = Math.max(1, Math.floor(wanted.length / 3));
  const match = closestMatch(wanted, candidates, { maxDistance });
  return match === undefined ? '' : ` Did you mean \`${match}\`?`;
}
