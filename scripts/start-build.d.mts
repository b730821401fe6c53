/** The packages scripts/start-build.mjs loads before tsx (its own comments say why). */
export declare const buildPackages: readonly string[];
