// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildChatRequest } from './build-request.ts';
import { attachImages, MAX_FILE_BYTES, MAX_IMAGE_BYTES, MAX_IMAGES, pickImageFiles } from './attachments.ts';
import { titleFrom, titleText } from './conversations.ts';
import { takesImages, toModelInfo } from './model-catalog.ts';
import { editedInPlace, IMAGE_TYPES, type ImageAttachment, type Message } from './types.ts';

const png = (name: string, bytes = 8): File => new File([new Uint8Array(bytes)], name, { type: 'image/png' });
const image = (name: string): ImageAttachment => ({ name, type: 'image/png', dataUrl: `data:image/png;base64,${btoa(name)}` });

describe('attaching images', () => {
  it('takes PNG, JPEG, WebP and GIF images, and says in words why it refused the others', () => {
    const { taken, problem } = pickImageFiles(
      [
        png('a.png'),
        new File(['x'], 'notes.txt', { type: 'text/plain' }),
        // A photo is made smaller before it is sent: one over 5 MB is taken.
        new File([new Uint8Array(MAX_IMAGE_BYTES + 1)], 'photo.jpg', { type: 'image/jpeg' }),
        new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'huge.jpg', { type: 'image/jpeg' }),
        // A GIF goes as it is (its frames kept), so it must fit as it is.
        new File([new Uint8Array(MAX_IMAGE_BYTES + 1)], 'loop.gif', { type: 'image/gif' }),
        new File(['x'], 'b.webp', { type: 'image/webp' }),
      ],
      0,
      IMAGE_TYPES,
    );
    expect(taken.map((file) => file.name)).toEqual(['a.png', 'photo.jpg', 'b.webp']);
    expect(problem).toBe(
      'Not attached: notes.txt is not a PNG, JPEG, WebP or GIF image; huge.jpg is 25.0 MB, over the 25.0 MB an image may be; loop.gif is 5.0 MB, over the 5.0 MB a GIF may be.',
    );
  });

  it(`takes ${MAX_IMAGES} images a message at most, counting those already attached`, () => {
    const { taken, problem } = pickImageFiles([png('3.png'), png('4.png'), png('5.png')], MAX_IMAGES - 2, IMAGE_TYPES);
    expect(taken.map((file) => file.name)).toEqual(['3.png', '4.png']);
    expect(problem).toMatch(/5\.png is one image too many: 4 go with a message at most/);
  });

  it('reads each as a data URL of its type', async () => {
    const { images, problem } = await attachImages([new File([new Uint8Array([137, 80, 78, 71])], 'dot.png', { type: 'image/png' })], 0, IMAGE_TYPES);
    expect(problem).toBeUndefined();
    expect(images).toEqual([{ name: 'dot.png', type: 'image/png', dataUrl: 'data:image/png;base64,iVBORw==' }]);
  });
});

describe('a message with images', () => {
  it('goes to the gateway as parts: its text, then each image as an image_url', () => {
    const history: Message[] = [{ id: '1', role: 'user', content: 'What is this?', images: [image('a.png'), image('b.png')] }];
    expect(buildChatRequest(history, { model: 'openai/gpt-4o-mini', systemPrompt: '' }).messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: image('a.png').dataUrl } },
          { type: 'image_url', image_url: { url: image('b.png').dataUrl } },
        ],
      },
    ]);
    // Images alone: no empty text part.
    expect(buildChatRequest([{ id: '1', role: 'user', content: '', images: [image('a.png')] }], { model: 'm', systemPrompt: '' }).messages[0]?.content).toEqual([
      { type: 'image_url', image_url: { url: image('a.png').dataUrl } },
    ]);
  });

  it('keeps its images when its text is edited', () => {
    const messages: Message[] = [{ id: '1', role: 'user', content: 'What is this?', images: [image('a.png')] }];
    expect(editedInPlace(messages, '1', { id: '2', role: 'user', content: 'And this?' }).images).toEqual([image('a.png')]);
  });

  it('names its conversation by its text, or by its images when it has none', () => {
    expect(titleFrom(titleText({ content: 'What is this?', images: [image('a.png')] }))).toBe('What is this?');
    expect(titleFrom(titleText({ content: ' ', images: [image('a.png'), image('b.png')] }))).toBe('Image: a.png, b.png');
  });
});

describe('which models take images', () => {
  it('reads the gateway’s modalities, and says nothing where it says nothing', () => {
    expect(takesImages(toModelInfo({ id: 'openai/gpt-4o-mini', modalities: { input: ['text', 'image'], output: ['text'] } }))).toBe(true);
    expect(takesImages(toModelInfo({ id: 'groq/llama', modalities: { input: ['text'], output: ['text'] } }))).toBe(false);
    expect(takesImages(toModelInfo({ id: 'groq/llama' }))).toBeUndefined();
  });
});
