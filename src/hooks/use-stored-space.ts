// This site's storage as the browser reports it, for the Settings dialog.
import { useCallback, useEffect, useState } from 'react';
import { askToKeep, readStoredSpace, type SpaceManager, type StoredSpace } from '../storage/stored-space.ts';

export interface StoredSpaceState {
  /** Undefined until read, and where the browser does not say. */
  space: StoredSpace | undefined;
  /** A request to keep it is waiting for the browser's answer. */
  asking: boolean;
  /** The browser said no to the last request. */
  declined: boolean;
  /** Asks the browser to keep this site's storage until the person deletes it. */
  keep(): void;
}

/** Read again each time `open` turns true (the dialog opens), as storage grows between. */
export function useStoredSpace(open: boolean, manager?: SpaceManager): StoredSpaceState {
  const [space, setSpace] = useState<StoredSpace | undefined>();
  const [asking, setAsking] = useState(false);
  const [declined, setDeclined] = useState(false);
  useEffect(() => {
    if (!open) return;
    let current = true;
    void readStoredSpace(manager).then((read) => {
      if (current) setSpace(read);
    });
    return () => {
      current = false;
    };
  }, [open, manager]);
  const keep = useCallback(() => {
    setAsking(true);
    void askToKeep(manager).then((granted) => {
      setAsking(false);
      setDeclined(!granted);
      if (granted) setSpace((read) => read && { ...read, persisted: true });
    });
  }, [manager]);
  return { space, asking, declined, keep };
}
