// `npm start`: serves the repository root (index.html + web/) until Ctrl-C.
// PORT picks the port (default 8000; 0 for any free one).
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const port = Number(process.env.PORT ?? 8000);

const server = await startStaticServer({ root, port }).catch((error) => {
  console.error(`Could not serve on 127.0.0.1:${port}: ${error.message}. Try PORT=0 npm start.`);
  process.exit(1);
});
console.log(`PE Lab is running at ${server.url}  (Ctrl-C to stop)`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await server.close();
    console.log('\nPE Lab server stopped.');
    process.exit(0);
  });
}
