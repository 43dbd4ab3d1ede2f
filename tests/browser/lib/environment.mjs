// What the browser tests need outside the repository, checked before anything is imported from
// it: a missing piece is a failure that says how to get it, never a skipped test.
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const suiteDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const chromiumPath = '/usr/bin/chromium';

export function checkEnvironment() {
  const problems = [];
  for (const pkg of ['playwright-core', 'axe-core']) {
    if (!existsSync(join(suiteDir, 'node_modules', pkg, 'package.json'))) {
      problems.push(`${join(suiteDir, 'node_modules', pkg)} is missing: run \`npm ci --prefix tests/browser\` ` +
                    'from the top of the tree (the README\'s test command does)');
    }
  }
  try {
    accessSync(chromiumPath, constants.X_OK);
  } catch {
    problems.push(`${chromiumPath} is missing: install Debian's chromium (debian-packages.txt)`);
  }
  if (problems.length) throw new Error(`the browser tests cannot run:\n  ${problems.join('\n  ')}`);
}

export const axeScriptPath = join(suiteDir, 'node_modules', 'axe-core', 'axe.min.js');
