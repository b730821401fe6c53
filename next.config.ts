import { engineNextConfig } from './lib/next-adapter/next-config';

// The engine's configuration, with a comment per setting: lib/next-adapter/next-config.ts.
export default engineNextConfig(import.meta.dirname);
