/**
 * Parity of the services with the CLI on every access-test file of examples/access-tests (listed by
 * test/parity/access-test-files-plugin.mjs from the directory, so a new file is covered at once):
 * the file's world is put in the mock backend, and for every test row the services answer exactly
 * what the engine over the file (`npm run access -- check`) answers.
 */
import { expect } from '@open-wc/testing';
import { useMockBackend } from '../support/msw.js';
import { AccessEngine } from '../../src/access/engine.js';
import { parseAccessTestFileText, type AccessTestFile } from '../../src/access/test-file.js';
import { answerOf, describePair, serviceAnswer, WorldServices } from './support.js';

const files = (await (await fetch('/__access-test-files.json')).json()) as string[];
const parsed = new Map<string, AccessTestFile>();
for (const file of files) parsed.set(file, parseAccessTestFileText(await (await fetch(file)).text(), file));

describe('parity: the services answer what the CLI answers, on every access-test file', () => {
  useMockBackend();

  it('finds the example files', () => {
    expect(files.length).to.be.at.least(7);
    expect(files).to.include('/examples/access-tests/sold-product-cascade.json');
  });

  for (const [file, world] of parsed) {
    it(`${file.split('/').pop()}: ${world.tests.length} tests`, async function () {
      this.timeout(60_000);
      const cli = new AccessEngine(world.definitions, world.facts);
      const services = new WorldServices(world.definitions, world.facts);
      try {
        const differences: string[] = [];
        for (const test of world.tests) {
          const expected = answerOf(cli, test.principal, test.entity);
          const actual = await serviceAnswer(services.access(), test.principal, test.entity);
          const { incomplete, ...answer } = actual;
          if (JSON.stringify(answer) !== JSON.stringify(expected) || incomplete.length > 0) {
            differences.push(
              `${describePair(test.principal, test.entity)}: CLI ${JSON.stringify(expected)}, services ${JSON.stringify(actual)}`,
            );
          }
        }
        expect(differences, differences.join('\n')).to.deep.equal([]);
      } finally {
        services.dispose();
      }
    });
  }
});
