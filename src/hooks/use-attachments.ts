// The images attached to the message being written: read when picked, pasted
// or dropped (the reading code loads then, not with the page), gone once sent.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImageAttachment } from '../chat/types.ts';

export interface Attachments {
  images: ImageAttachment[];
  /** What was not attached, and why, until the next attach or send. */
  problem: string | undefined;
  attach(files: File[]): void;
  remove(index: number): void;
  clear(): void;
}

export function useAttachments(): Attachments {
  const [images, setImages] = useState<ImageAttachment[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  // Reads can overlap (a paste, then a drop): each counts what is attached by the time it lands.
  const count = useRef(0);
  useEffect(() => {
    count.current = images.length;
  }, [images]);
  const attach = useCallback((files: File[]) => {
    import('../chat/attachments.ts')
      .then(async ({ attachImages, MAX_IMAGES }) => {
        const result = await attachImages(files, count.current);
        // Two reads that overlapped each counted the images before the other's.
        setImages((current) => [...current, ...result.images].slice(0, MAX_IMAGES));
        setProblem(result.problem);
      })
      .catch(() => setProblem('Could not attach the images: the page could not load what reads them. Reload it and try again.'));
  }, []);
  const remove = useCallback((index: number) => {
    setImages((current) => current.filter((_image, i) => i !== index));
    setProblem(undefined);
  }, []);
  const clear = useCallback(() => {
    setImages([]);
    setProblem(undefined);
  }, []);
  return { images, problem, attach, remove, clear };
}
