// The images sent with a message, above its text: tiles that open each whole
// (loaded apart from the entry script, with the first message that has any).
import { lazy, Suspense, useState } from 'react';
import type { ImageAttachment } from '../chat/types.ts';

const ImageViewer = lazy(() => import('./image-viewer.tsx').then((m) => ({ default: m.ImageViewer })));

/** Each image a tile, named by its file ("View <name>") and opening it whole. */
export function SentImages({ images }: { images: readonly ImageAttachment[] }) {
  const [viewed, setViewed] = useState<ImageAttachment | undefined>();
  return (
    <>
      <ul aria-label="Images sent" className="mb-1 flex max-w-[85%] flex-wrap justify-end gap-1.5">
        {images.map((image, i) => (
          <li key={i}>
            <button type="button" onClick={() => setViewed(image)} aria-label={`View ${image.name}`} title={image.name} className="block rounded-lg focus-visible:outline-2 focus-visible:outline-indigo-500">
              <img src={image.dataUrl} alt="" className="h-32 max-w-48 rounded-lg border border-zinc-200 object-cover dark:border-zinc-800" />
            </button>
          </li>
        ))}
      </ul>
      {viewed ? (
        <Suspense fallback={null}>
          <ImageViewer image={viewed} onClose={() => setViewed(undefined)} />
        </Suspense>
      ) : null}
    </>
  );
}
