// The images attached to the message being written, as tiles over the box,
// each with its Remove button.
import type { ImageAttachment } from '../chat/types.ts';

export function AttachedImages({ images, onRemove }: { images: readonly ImageAttachment[]; onRemove(index: number): void }) {
  return (
    <ul aria-label="Attached images" className="mx-auto mb-2 flex max-w-3xl flex-wrap gap-2">
      {images.map((image, i) => (
        <li key={i} className="relative">
          <img src={image.dataUrl} alt={image.name} title={image.name} className="h-14 w-14 rounded-lg border border-zinc-200 object-cover dark:border-zinc-700" />
          <button
            type="button"
            onClick={() => onRemove(i)}
            aria-label={`Remove ${image.name}`}
            title={`Remove ${image.name}`}
            className="absolute -right-1.5 -top-1.5 h-5 w-5 rounded-full bg-zinc-800 text-xs leading-5 text-white hover:bg-zinc-600 dark:bg-zinc-200 dark:text-zinc-900"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
