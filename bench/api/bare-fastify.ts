/**
 * The yardstick: a bare Fastify route that parses the same JSON body and answers the same JSON the
 * desk's intake answers, with no validation, store or engine. argv[2] is the port.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
let next = 0;
app.post('/api/cases', async (_request, reply) => {
  next += 1;
  return reply
    .code(201)
    .header('location', `/api/cases/${String(next)}`)
    .header('etag', '"2"')
    .send({
      id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
      version: 2,
      status: 'decided',
    });
});
const url = await app.listen({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening ${url}\n`);
