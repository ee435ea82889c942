// Stands in for ajv and ajv-formats in the built tutor (see esbuild.config.js). conf uses them
// only when given a JSON schema; the progress store is validated with zod instead, so the
// ~150 KB of ajv need not be loaded at every start.
export class Ajv2020 {
  constructor() {
    throw new Error(
      'conf was given a schema, but the tutor is built without ajv: validate with zod in src/progress/store.ts.',
    );
  }
}

export default { default: () => {} };
