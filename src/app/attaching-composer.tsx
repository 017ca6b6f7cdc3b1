// The message box with images attached to it, for the chat and the compare
// view: the images go with the message sent, and are gone once it is.
import { takesImages, type ModelInfo } from '../chat/model-catalog.ts';
import type { ImageAttachment } from '../chat/types.ts';
import { Composer, type ComposerProps } from '../components/composer.tsx';
import { useAttachments } from '../hooks/use-attachments.ts';

/**
 * Why images cannot go to the models a message goes to: the gateway says one
 * takes none. Where it does not say, they go (and a model that refuses them
 * answers with the gateway's error).
 */
export function imagesRefusedBy(models: ReadonlyArray<ModelInfo | undefined>): string | undefined {
  const refusing = models.flatMap((model) => (model && takesImages(model) === false ? [model.id] : []));
  if (refusing.length === 0) return undefined;
  if (models.length === 1) return `${refusing[0]} takes no images (so the gateway says): pick a model that does, or remove them.`;
  const names = refusing.length === 1 ? `${refusing[0]} takes` : `${refusing.slice(0, -1).join(', ')} and ${refusing.at(-1)} take`;
  return `${names} no images (so the gateway says): remove ${refusing.length === 1 ? 'that lane' : 'those lanes'}, or the images.`;
}

type AttachingComposerProps = Omit<ComposerProps, 'onSend' | 'images' | 'onAttach' | 'onRemoveImage'> & {
  onSend(text: string, images: readonly ImageAttachment[]): void;
};

export function AttachingComposer({ onSend, notice, ...props }: AttachingComposerProps) {
  const attachments = useAttachments();
  return (
    <Composer
      {...props}
      notice={attachments.problem ?? notice}
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
