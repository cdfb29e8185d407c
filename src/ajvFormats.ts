import addFormatsImport, { type FormatsPlugin } from 'ajv-formats';

/**
 * ajv-formats' plugin. It ships CommonJS with `exports.default`; under NodeNext the default import
 * is the module object, so the function is unwrapped here, once for every validator of the project.
 */
export const addFormats = ((addFormatsImport as unknown as { default?: FormatsPlugin }).default ?? addFormatsImport) as FormatsPlugin;
