// Runs a command with one Chromium shared by all its browser tests: launched once here, its
// address handed down in PE_LAB_BROWSER_WS (startSession connects to it instead of launching a
// browser per session), stopped when the command ends. `npm test` runs the browser stage this way:
//   node tests/e2e/support/shared-browser.mjs node --test --test-concurrency=2 tests/e2e/*.test.mjs
import { spawn } from 'node:child_process';
import { launchBrowserServer } from './browser.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: node tests/e2e/support/shared-browser.mjs COMMAND [ARGUMENT...]');
  process.exit(2);
}

const server = await launchBrowserServer();
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, PE_LAB_BROWSER_WS: server.wsEndpoint() } });
const status = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
await server.close();
process.exit(status);
