// `npm run build:extension`: the browser extension (Manifest V3) from the same elements and services.
// Writes dist-extension/ (load it unpacked) and dist-extension.zip (for store upload).
//   CAM_EXTENSION_ORIGINS  comma-separated match patterns added to the default https://*.service-now.com/*
//                          (on-premise builds, tests: http://127.0.0.1/*)
//   --out DIR              another output folder (the zip goes next to it, DIR.zip)
import { build } from 'vite';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, deflateSync } from 'node:zlib';

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

// --- icons (drawn here: two people on a blue rounded square; no binary files in the repository) ---
const ICON_SIZES = [16, 32, 48, 128];

/** The colour at (x, y) in [0, 1]², as [r, g, b, a] (0–255), or undefined for transparent. */
function iconColor(x, y) {
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return undefined;
  const inCircle = (cx, cy, radius) => (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  const inShoulders = (cx, cy, rx, ry) => y <= 0.86 && ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  if (inCircle(0.6, 0.38, 0.13) || inShoulders(0.6, 0.86, 0.25, 0.3)) return [255, 255, 255, 255];
  if (inCircle(0.34, 0.42, 0.1) || inShoulders(0.34, 0.86, 0.19, 0.25)) return [188, 212, 255, 255];
  return [31, 95, 191, 255];
}

function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A size×size RGBA PNG of the icon (4×4 supersampled edges). */
export function iconPng(size) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 (none)
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = iconColor((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) sum[i] += c[i] * (c[3] / 255);
          sum[3] += c[3];
        }
      }
      const n = samples * samples;
      const alpha = sum[3] / n;
      for (let i = 0; i < 3; i++)
        row[1 + px * 4 + i] = alpha > 0 ? Math.round((sum[i] / n) * (255 / alpha)) : 0;
      row[1 + px * 4 + 3] = Math.round(alpha);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function writeIcons(out) {
  mkdirSync(join(out, 'icons'), { recursive: true });
  const icons = {};
  for (const size of ICON_SIZES) {
    writeFileSync(join(out, 'icons', `icon-${size}.png`), iconPng(size));
    icons[size] = `icons/icon-${size}.png`;
  }
  return icons;
}

/** Builds into `out` (and `out`.zip); `origins` defaults to CAM_EXTENSION_ORIGINS. */
export async function buildExtension(out, origins = process.env.CAM_EXTENSION_ORIGINS) {
  const matches = [...new Set([...DEFAULT_MATCHES, ...extraOrigins(origins)])];
  mkdirSync(out, { recursive: true });
  await buildPages(out);
  await buildScript(out, 'src/content.ts', 'content');
  await buildScript(out, 'src/main-world.ts', 'main-world');
  const icons = writeIcons(out);
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest(matches), icons }, null, 2) + '\n');
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
