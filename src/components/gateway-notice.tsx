interface GatewayNoticeProps {
  demo: boolean;
  modelsError: string | undefined;
  noModels: boolean;
  gatewayUrl: string | undefined;
  onRetry(): void;
}

/** Page-level states about the gateway itself: demo mode, unreachable, no models. */
export function GatewayNotice({ demo, modelsError, noModels, gatewayUrl, onRetry }: GatewayNoticeProps) {
  if (modelsError) {
    return (
      <div role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-300">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-3 gap-y-1">
          <span className="font-medium">Could not load models.</span>
          <span>{modelsError}</span>
          <button type="button" onClick={onRetry} className="rounded border border-red-300 px-2 py-0.5 font-medium hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900/50">
            Retry
          </button>
        </div>
      </div>
    );
  }
  if (noModels) {
    return (
      <div role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
        <div className="mx-auto max-w-3xl">
          The gateway {gatewayUrl ? `at ${gatewayUrl} ` : ''}lists no models. It drops providers that fail silently: check their API keys in the gateway’s configuration.{' '}
          <button type="button" onClick={onRetry} className="underline">
            Retry
          </button>
        </div>
      </div>
    );
  }
  if (demo) {
    return (
      <div role="status" className="border-b border-indigo-200 bg-indigo-50 px-4 py-1.5 text-xs text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-200">
        <div className="mx-auto max-w-3xl">
          {/* One line on a phone, where the header already takes a fifth of the screen. */}
          <strong>Demo gateway:</strong> replies are canned examples<span className="hidden sm:inline">, not a real model</span>.
          <span className="hidden sm:inline">
            {' '}
            Set <code>INFERENCE_GATEWAY_URL</code> to use your Inference Gateway.
          </span>
        </div>
      </div>
    );
  }
  return null;
}
