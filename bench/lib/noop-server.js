// A do-nothing HTTP server: reads the request body and answers 200 `{}`. The load process's rate
// against it is the client's own ceiling on this machine (the two still share the cores).

import http from 'node:http';

const body = Buffer.from('{}');
const server = http.createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
  request.on('data', () => {});
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': body.length });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address === 'object' && address) console.log(`noop listening on http://127.0.0.1:${address.port}`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
