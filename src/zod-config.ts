// zod, set up for how the tutor uses it; every module with schemas imports this for its effect.
// Each schema parses a file or two, once per start. By default zod compiles a parser for each
// object schema on its first use (new Function), which pays off only over many parses: without
// it the lessons load ~15% faster.
import * as z from 'zod';

z.config({ jitless: true });
