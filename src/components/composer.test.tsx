// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImageAttachment } from '../chat/types.ts';
import { Composer } from './composer.tsx';

afterEach(cleanup);

const dot: ImageAttachment = { name: 'dot.png', type: 'image/png', dataUrl: 'data:image/png;base64,iVBORw==' };

function renderComposer(props: Partial<Parameters<typeof Composer>[0]> = {}) {
  const handlers = { onSend: vi.fn(), onAttach: vi.fn(), onRemoveImage: vi.fn() };
  render(<Composer streaming={false} blockedReason={undefined} onStop={vi.fn()} {...handlers} {...props} />);
  return handlers;
}

describe('Composer with images', () => {
  it('attaches picked and pasted images, shows each with a way to remove it, and sends images alone', () => {
    const { onAttach, onRemoveImage, onSend } = renderComposer({ images: [dot] });
    const png = new File(['x'], 'shot.png', { type: 'image/png' });
    fireEvent.change(document.querySelector('input[type=file]')!, { target: { files: [png] } });
    expect(onAttach).toHaveBeenLastCalledWith([png]);
    // A pasted screenshot is attached; pasted text stays text.
    const box = screen.getByRole('textbox', { name: 'Message' });
    const text = new File(['x'], 'notes.txt', { type: 'text/plain' });
    fireEvent.paste(box, { clipboardData: { files: [png, text], types: ['Files'] } });
    expect(onAttach).toHaveBeenLastCalledWith([png]);
    expect(onAttach).toHaveBeenCalledTimes(2);
    fireEvent.paste(box, { clipboardData: { files: [], types: ['text/plain'] } });
    expect(onAttach).toHaveBeenCalledTimes(2);
    // A dropped file too.
    const form = box.closest('form')!;
    fireEvent.drop(form, { dataTransfer: { files: [png], types: ['Files'] } });
    expect(onAttach).toHaveBeenCalledTimes(3);
    expect(screen.getByRole('img', { name: 'dot.png' })).toHaveProperty('src', dot.dataUrl);
    // The line under the box says the image is not in its estimate (in its full form and its phone's).
    expect(screen.getAllByText('+ an image, not reckoned').map((line) => line.className)).toEqual(['max-sm:hidden', 'sm:hidden']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove dot.png' }));
    expect(onRemoveImage).toHaveBeenCalledWith(0);
    // An image alone can be sent, with no text.
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('');
  });

  it('holds images back from a model that takes none, and says why', () => {
    const refused = 'groq/llama takes no images (so the gateway says): pick a model that does, or remove them.';
    const { onSend, onAttach } = renderComposer({ images: [dot], imagesRefused: refused });
    expect(screen.getByRole('status')).toHaveProperty('textContent', refused);
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Message' }), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    // More can still be attached (then the line says why they cannot go), and none sent until they can.
    fireEvent.paste(screen.getByRole('textbox', { name: 'Message' }), { clipboardData: { files: [new File(['x'], 'a.png', { type: 'image/png' })], types: ['Files'] } });
    expect(onAttach).toHaveBeenCalledTimes(1);
  });

  it('waits for images still being read before it sends, and says so', () => {
    const { onSend } = renderComposer({ attaching: true, images: [] });
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Look' } });
    expect(screen.getByRole('status')).toHaveProperty('textContent', 'Attaching…');
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Message' }), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
  });

  it('has no attaching where it is not offered', () => {
    render(<Composer streaming={false} blockedReason={undefined} onSend={vi.fn()} onStop={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Attach images' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
  });
});
