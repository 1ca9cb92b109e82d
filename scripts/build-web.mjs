// Bundles the web dashboard (src/web/client) into dist/web with esbuild. No-op until the client exists.
import { existsSync } from 'node:fs';
if (!existsSync(new URL('../src/web/client/main.ts', import.meta.url))) process.exit(0);
