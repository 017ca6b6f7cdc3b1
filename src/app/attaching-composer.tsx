// The message box with images attached to it, for the chat and the compare
// view: the images go with the message sent, and are gone once it is. Until
// then they are kept with the draft, across a reload too.
import { useCallback, useEffect, useState } from 'react';
import { takesImages, type ModelInfo } from '../chat/model-catalog.ts';
import type { ImageAttachment } from '../chat/types.ts';
import { Composer, type ComposerProps } from '../components/composer.tsx';
import { useAttachments } from '../hooks/use-attachments.ts';

/**
 * Why images cannot go to the model picked: the gateway says it takes none.
 * Where it does not say, they go (and a model that refuses them answers with
 * the gateway's error). The compare view says it of its lanes (compare-screen).
 */
export function imagesRefusedBy(model: ModelInfo | undefined): string | undefined {
  return model && takesImages(model) === false ? `${model.id} takes no images (so the gateway says): pick a model that does, or remove them.` : undefined;
}

/** The notice for a draft's images that storage refused: they are in the box, but a reload would lose them. */
export const DRAFT_IMAGES_NOT_KEPT = 'These images are not kept if the page reloads: the browser refused storage.';

type AttachingComposerProps = Omit<ComposerProps, 'onSend' | 'images' | 'onAttach' | 'onRemoveImage' | 'attaching'> & {
  onSend(text: string, images: readonly ImageAttachment[]): void;
  /** Reads the images of the draft kept from before: once, as the box opens. */
  loadImages?: (() => readonly ImageAttachment[]) | undefined;
  /** Keeps the draft's images; false when the browser refused to. */
  onImagesChange?: ((images: readonly ImageAttachment[]) => boolean) | undefined;
  /** Whether any image is attached, from the draft's on: for the model picker to say which models take none. */
  onImagesAttached?: ((attached: boolean) => void) | undefined;
};

export function AttachingComposer({ onSend, notice, loadImages, onImagesChange, onImagesAttached, ...props }: AttachingComposerProps) {
  const [imagesKept, setImagesKept] = useState(true);
  const keep = useCallback((images: ImageAttachment[]) => setImagesKept(onImagesChange?.(images) ?? true), [onImagesChange]);
  const attachments = useAttachments(loadImages, keep);
  const attached = attachments.images.length > 0;
  useEffect(() => onImagesAttached?.(attached), [attached, onImagesAttached]);
  return (
    <Composer
      {...props}
      notice={attachments.problem ?? (imagesKept ? notice : DRAFT_IMAGES_NOT_KEPT)}
      images={attachments.images}
      attaching={attachments.attaching}
      onAttach={attachments.attach}
      onRemoveImage={attachments.remove}
      onSend={(text) => {
        onSend(text, attachments.images);
        attachments.clear();
      }}
    />
  );
}
