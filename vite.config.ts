import { defineConfig } from 'vite';

// The demo workspace: `npm run demo` serves index.html (MSW mocks active); `npm run build:demo`
// writes a static site to dist-demo/ with relative URLs, so it works under any base path.
export default defineConfig({
  base: './',
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist-demo',
    emptyOutDir: true,
    target: 'es2022',
  },
});
