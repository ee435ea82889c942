// zod, set up for how the tutor uses it; every module with schemas imports this for its effect.
// Each schema parses a file or two, once per start. By default zod compiles a parser for each
// object schema on its first use (new Function), which pays off only over many parses: without
// it the lessons load ~15% faster. English messages are set here, not left to the chainable API
// (`zod`), which sets them when it loads: the progress file's schema, read before the first
// frame, uses the functional API (`zod/mini`) alone, and its notices quote these messages.
import { en } from 'zod/locales';
import * as z from 'zod/mini';

z.config({ ...en(), jitless: true });
