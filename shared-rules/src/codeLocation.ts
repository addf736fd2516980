/**
 * Where the analysis code runs from: shared-rules/out/ in a build, or the
 * directory of the bundle that contains it. Caches hash the code found there.
 */
export const ANALYSIS_CODE_DIRECTORY: string = __dirname;
