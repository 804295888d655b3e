// Serves the list of access-test files (examples/access-tests/*.json) to the browser tests, read
// from the directory when asked: the parity suite covers every file, new ones included, with no
// list to keep in step.
import { readdirSync } from 'node:fs';

export const ACCESS_TEST_FILES_PATH = '/__access-test-files.json';
const DIRECTORY = 'examples/access-tests';

export function accessTestFilesPlugin() {
  return {
    name: 'access-test-files',
    serve(context) {
      if (context.path !== ACCESS_TEST_FILES_PATH) return undefined;
      const files = readdirSync(DIRECTORY)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => `/${DIRECTORY}/${name}`);
      return { body: JSON.stringify(files), type: 'application/json' };
    },
  };
}
