// The checks with ✓/✗, the first failure's diagnosis, type errors and the student's output,
// laid out as rows by layout.ts (which knows how many fit).

import Rows from '../components/Rows.js';
import type { Row } from '../rows.js';

type Props = {
  /** The task's result rows (see `resultRows` in layout.ts). */
  readonly rows: readonly Row[];
};

export default function CheckList({ rows }: Props) {
  return <Rows rows={rows} />;
}
