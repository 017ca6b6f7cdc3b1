// The dedicated worker that reads replies (worker-streamer.ts starts it).
import { createStreamHost, type FromStreamHost, type ToStreamHost } from './stream-host.ts';

// The page's lib types `self` as a window; in a worker it is the worker's scope.
const scope = self as unknown as {
  postMessage(message: FromStreamHost): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToStreamHost>) => void): void;
};
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker's postMessage takes no origin
const post = (message: FromStreamHost): void => scope.postMessage(message);
const host = createStreamHost({ fetch: (input, init) => fetch(input, init), post });
scope.addEventListener('message', (event) => host.receive(event.data));
post({ type: 'ready' });
