// The terminal's size, updated when it is resized.
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import type { Size } from '../layout.js';

// A stream that is no terminal (tests) has no size: lay out for a typical one.
const fallback: Size = { columns: 80, rows: 24 };

export default function useTerminalSize(): Size {
  const { stdout } = useStdout();
  const [size, setSize] = useState<Size>(() => measure(stdout));
  useEffect(() => {
    const onResize = () => setSize(measure(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

function measure(stdout: NodeJS.WriteStream): Size {
  return { columns: stdout.columns || fallback.columns, rows: stdout.rows || fallback.rows };
}
