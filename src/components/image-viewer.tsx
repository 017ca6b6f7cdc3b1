// An image sent with a message, whole: as large as the screen allows, in the
// browser's own modal dialog (Esc or Close closes it). Loaded when first opened.
import type { ImageAttachment } from '../chat/types.ts';
import { ModalDialog } from './modal-dialog.tsx';

export function ImageViewer({ image, onClose }: { image: ImageAttachment; onClose(): void }) {
  return (
    <ModalDialog open wide title={image.name} closeLabel="Close" onClose={onClose}>
      <img src={image.dataUrl} alt={image.name} className="max-h-[calc(100vh-12rem)] max-w-full rounded-lg object-contain" />
    </ModalDialog>
  );
}
