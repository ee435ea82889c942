// Whether text may carry its own ANSI colours (the plots): only on a terminal, and not with
// NO_COLOR (https://no-color.org). Ink passes such codes through even when stdout is a pipe.
import { useStdout } from 'ink';

export default function useColor(): boolean {
  const { stdout } = useStdout();
  return (stdout as NodeJS.WriteStream).isTTY === true && !process.env.NO_COLOR;
}
