// Starts loading the markdown renderer once the first frame is out, and redraws when it is in.
import { useEffect, useState } from 'react';
import { loadMarkdown, markdownLoaded } from '../lesson-text.js';

/** True once lesson text renders as markdown. */
export default function useMarkdown(): boolean {
  const [loaded, setLoaded] = useState(markdownLoaded);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    void loadMarkdown().then(() => {
      if (live) setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded;
}
