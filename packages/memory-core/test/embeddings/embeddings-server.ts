import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashTextVector } from '../../src/embeddings/hashed-text-vector.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: { model?: string; input?: string[] };
}

/** A scripted answer for the next request; requests beyond the script get a correct answer. */
export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  /** Default: a JSON error body. A function receives the request (e.g. to echo its headers). */
  body?: string | ((request: RecordedRequest) => string);
  /** Delay before answering, to exercise timeouts. */
  delayMs?: number;
}

export interface EmbeddingsServer {
  /** `http://127.0.0.1:PORT/v1` */
  baseURL: string;
  requests: RecordedRequest[];
  script(...responses: ScriptedResponse[]): void;
  /** Dimension of the vectors it answers with (the model's "true" dimension). */
  dimensions: number;
  close(): Promise<void>;
}

/**
 * A real HTTP server speaking OpenAI's `POST /v1/embeddings` on a free loopback port. Its "model" is the
 * local hashing embedder, so tests can predict every vector; it answers `data` in reverse order so that
 * clients must place vectors by `index`.
 */
export async function startEmbeddingsServer(dimensions = 16): Promise<EmbeddingsServer> {
  const requests: RecordedRequest[] = [];
  const scripted: ScriptedResponse[] = [];
  const state = { dimensions };
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        headers: incoming.headers,
        body: text ? JSON.parse(text) : {},
      };
      requests.push(request);
      const next = scripted.shift();
      const answer = () => {
        if (next) {
          const body =
            typeof next.body === 'function'
              ? next.body(request)
              : (next.body ?? JSON.stringify({ error: { message: `scripted ${next.status}` } }));
          outgoing.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
          outgoing.end(body);
          return;
        }
        if (request.method !== 'POST' || request.path !== '/v1/embeddings') {
          outgoing.writeHead(404, { 'content-type': 'application/json' });
          outgoing.end(JSON.stringify({ error: { message: 'not found' } }));
          return;
        }
        const data = (request.body.input ?? []).map((input, index) => ({
          object: 'embedding',
          index,
          embedding: Array.from(hashTextVector(input, state.dimensions)),
        }));
        outgoing.writeHead(200, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ object: 'list', data: data.reverse(), model: request.body.model }));
      };
      if (next?.delayMs) setTimeout(answer, next.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...responses) => scripted.push(...responses),
    get dimensions() {
      return state.dimensions;
    },
    set dimensions(value: number) {
      state.dimensions = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
