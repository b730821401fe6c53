import { engineNextConfig } from './lib/next-adapter/next-config';

// The engine's configuration, with a comment per setting: lib/next-adapter/next-config.ts.
export default (phase: string) => engineNextConfig(import.meta.dirname, phase);
