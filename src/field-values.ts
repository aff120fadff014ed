// The constants of the contract that the pipeline needs at run time, apart from contract.ts so
// that a run loads no zod: the schema version and the values of the closed fields.
export const SCHEMA_VERSION = 2 as const;
export const DIRECTIONS = ['up', 'down', 'flat'] as const;
export const QUALIFIERS = ['over', 'nearly', 'about', 'under'] as const;
