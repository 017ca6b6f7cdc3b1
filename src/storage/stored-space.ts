// How much this site keeps in the browser, and whether the browser may clear
// it when the disk runs low (the StorageManager API). A site's storage is
// "best effort" until the browser grants it persistence: then it is cleared
// only by the person. Asking is a request; the browser decides (Chromium from
// how the site is used, Firefox by asking the person).

export interface StoredSpace {
  /** Bytes this site keeps (IndexedDB, localStorage, caches), as the browser estimates them. */
  usedBytes: number | undefined;
  /** Whether the browser keeps it until the person deletes it; undefined when the browser does not say. */
  persisted: boolean | undefined;
}

export type SpaceManager = Partial<Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>>;

const browserManager = (): SpaceManager | undefined => (typeof navigator === 'undefined' ? undefined : navigator.storage);

/** What the browser says about this site's storage; undefined where it has no StorageManager. */
export async function readStoredSpace(manager: SpaceManager | undefined = browserManager()): Promise<StoredSpace | undefined> {
  if (!manager?.estimate && !manager?.persisted) return undefined;
  const [estimate, persisted] = await Promise.all([manager.estimate?.().catch(() => undefined), manager.persisted?.().catch(() => undefined)]);
  return { usedBytes: estimate?.usage, persisted };
}

/** Asks the browser to keep this site's storage until the person deletes it: whether it will. */
export async function askToKeep(manager: SpaceManager | undefined = browserManager()): Promise<boolean> {
  if (!manager?.persist) return false;
  return manager.persist().catch(() => false);
}
