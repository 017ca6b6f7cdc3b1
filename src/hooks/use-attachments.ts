// The images attached to the message being written: read when picked, pasted
// or dropped (the reading code loads then, not with the page), gone once sent.
// They start from a draft's, and each change is told (to keep the draft's).
import { useCallback, useEffect, useRef, useState } from 'react';
import { IMAGE_TYPES, type ImageAttachment } from '../chat/types.ts';

export interface Attachments {
  images: ImageAttachment[];
  /** What was not attached, and why, until the next attach or send. */
  problem: string | undefined;
  /** Whether images are still being read (and made smaller). */
  attaching: boolean;
  attach(files: File[]): void;
  remove(index: number): void;
  clear(): void;
}

export function useAttachments(load?: () => readonly ImageAttachment[], onChange?: (images: ImageAttachment[]) => void): Attachments {
  const [images, setImages] = useState<ImageAttachment[]>(() => [...(load?.() ?? [])]);
  // Told of changes, not of the images it started with.
  const told = useRef(images);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);
  useEffect(() => {
    if (told.current === images) return;
    told.current = images;
    changed.current?.(images);
  }, [images]);
  const [problem, setProblem] = useState<string | undefined>();
  const [reading, setReading] = useState(0);
  // Reads can overlap (a paste, then a drop): each counts what is attached by the time it lands.
  const attachedCount = useRef(0);
  useEffect(() => {
    attachedCount.current = images.length;
  }, [images]);
  const attach = useCallback((files: File[]) => {
    setReading((reads) => reads + 1);
    import('../chat/attachments.ts')
      .then(async ({ attachImages, MAX_IMAGES }) => {
        const result = await attachImages(files, attachedCount.current, IMAGE_TYPES);
        // Two reads that overlapped each counted the images before the other's.
        setImages((current) => [...current, ...result.images].slice(0, MAX_IMAGES));
        setProblem(result.problem);
      })
      .catch(() => setProblem('Could not attach the images: the page could not load what reads them. Reload it and try again.'))
      .finally(() => setReading((reads) => reads - 1));
  }, []);
  const remove = useCallback((index: number) => {
    setImages((current) => current.filter((_image, i) => i !== index));
    setProblem(undefined);
  }, []);
  const clear = useCallback(() => {
    setImages([]);
    setProblem(undefined);
  }, []);
  return { images, problem, attaching: reading > 0, attach, remove, clear };
}
