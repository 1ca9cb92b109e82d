// Bundles the web dashboard (src/web/client/main.ts) into dist/web with esbuild, and copies the
// page, the stylesheet and the world-atlas TopoJSON next to it: every asset is served locally.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'src/web/client/main.ts');
if (!existsSync(entry)) process.exit(0);
const out = join(root, 'dist/web');
mkdirSync(out, { recursive: true });

// CAMEO code → short name ("112" → "Accuse"), from Dyad's codebook, inlined into the bundle.
const codebook = JSON.parse(readFileSync(join(root, 'data/cameo/codebook.json'), 'utf8'));
const cameoNames = Object.fromEntries(codebook.codes.map((c) => [c.code, c.name.replace(/,\s*not specified below$/i, '')]));

const { build } = await import('esbuild');
await build({
  define: { __CAMEO_NAMES__: JSON.stringify(cameoNames) },
  entryPoints: [entry],
  bundle: true,
  format: 'esm',
  target: 'es2020',
  minify: true,
  sourcemap: false,
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
  legalComments: 'eof',
});
copyFileSync(join(root, 'src/web/index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'src/web/style.css'), join(out, 'style.css'));
const require = createRequire(import.meta.url);
const atlas = dirname(require.resolve('world-atlas/package.json'));
copyFileSync(join(atlas, 'countries-110m.json'), join(out, 'countries-110m.json'));
copyFileSync(join(atlas, 'LICENSE'), join(out, 'world-atlas-LICENSE.txt'));
