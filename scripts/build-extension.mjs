// `npm run build:extension`: the browser extension (Manifest V3) from the same elements and services.
// Writes dist-extension/ (load it unpacked) and dist-extension.zip (for store upload).
//   CAM_EXTENSION_ORIGINS  comma-separated match patterns added to the default https://*.service-now.com/*
//                          (on-premise builds, tests: http://127.0.0.1/*)
//   --out DIR              another output folder (the zip goes next to it, DIR.zip)
import { build } from 'vite';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXT = join(ROOT, 'extension');
const DEFAULT_MATCHES = ['https://*.service-now.com/*'];
// Same rule as extension/src/settings.ts isOriginPattern: whole origins only, nothing broader.
const ORIGIN_PATTERN = /^(https?):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:]+\])(:\d{1,5})?\/\*$/i;

function parseArgs(argv) {
  const index = argv.indexOf('--out');
  return { out: resolve(ROOT, index >= 0 ? argv[index + 1] : 'dist-extension') };
}

export function extraOrigins(list = process.env.CAM_EXTENSION_ORIGINS ?? '') {
  const patterns = list
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const pattern of patterns) {
    if (!ORIGIN_PATTERN.test(pattern)) {
      throw new Error(
        `CAM_EXTENSION_ORIGINS: "${pattern}" is not an origin match pattern like https://host.example.com/*`,
      );
    }
  }
  return patterns;
}

function manifest(matches) {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const text = readFileSync(join(EXT, 'manifest.template.json'), 'utf8').replace('__VERSION__', version);
  const data = JSON.parse(text);
  const fill = (list) => [...new Set(list.flatMap((p) => (p === '__MATCHES__' ? matches : [p])))];
  for (const script of data.content_scripts) script.matches = fill(script.matches);
  for (const war of data.web_accessible_resources) war.matches = fill(war.matches);
  return data;
}

const shared = {
  configFile: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
};

/** The extension pages (panel, options) and the service worker: ES modules sharing chunks. */
async function buildPages(out) {
  await build({
    ...shared,
    root: EXT,
    base: '/',
    build: {
      outDir: out,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: {
          panel: join(EXT, 'panel.html'),
          options: join(EXT, 'options.html'),
          'service-worker': join(EXT, 'src/service-worker.ts'),
        },
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'service-worker' ? '[name].js' : 'assets/[name]-[hash].js',
        },
      },
    },
  });
}

/** A content script: one classic script (content scripts cannot be modules). */
async function buildScript(out, entry, name) {
  await build({
    ...shared,
    root: EXT,
    build: {
      outDir: out,
      emptyOutDir: false,
      target: 'es2022',
      copyPublicDir: false,
      minify: false, // injected into instance pages: keep it readable for review
      lib: {
        entry: join(EXT, entry),
        formats: ['iife'],
        name: `cam_${name.replace(/\W/g, '_')}`,
        fileName: () => `${name}.js`,
      },
    },
  });
}

// --- zip (stored + deflated entries; enough for the Chrome Web Store) ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}
export function writeZip(dir, target) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const file of filesUnder(dir)) {
    const name = Buffer.from(relative(dir, join(dir, file)).split('\\').join('/'));
    const data = readFileSync(join(dir, file));
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0, 6);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00 (reproducible)
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, name, packed);
    centrals.push(central, name);
    offset += header.length + name.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(target, Buffer.concat([...locals, ...centrals, end]));
}

/** Builds into `out` (and `out`.zip); `origins` defaults to CAM_EXTENSION_ORIGINS. */
export async function buildExtension(out, origins = process.env.CAM_EXTENSION_ORIGINS) {
  const matches = [...new Set([...DEFAULT_MATCHES, ...extraOrigins(origins)])];
  mkdirSync(out, { recursive: true });
  await buildPages(out);
  await buildScript(out, 'src/content.ts', 'content');
  await buildScript(out, 'src/main-world.ts', 'main-world');
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest(matches), null, 2) + '\n');
  const zip = `${out}.zip`;
  rmSync(zip, { force: true });
  writeZip(out, zip);
  return { out, zip, matches };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { out } = parseArgs(process.argv.slice(2));
  const result = await buildExtension(out);
  console.log(
    `extension: ${relative(ROOT, result.out) || '.'}/ (load unpacked), ${relative(ROOT, result.zip)}; runs on ${result.matches.join(', ')}`,
  );
}
