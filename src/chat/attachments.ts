// Images attached to a message: which files are taken, and how they are read
// (as data URLs, which the gateway takes in a message's `image_url` parts and
// which keep in the browser's storage with the conversation). A large one is
// made smaller first, as ChatGPT does: its longest side to 2,048 px (what
// OpenAI's models look at, at most), re-encoded as WebP. Every later message
// of the conversation sends it again, and it is saved with it: a 6 MB phone
// photo goes as a few hundred KB.
// The accepted types come from the caller (types.ts's IMAGE_TYPES): a value
// imported from types.ts here made the bundler split types.ts out of the
// entry script into a chunk of its own, one more request as the page starts.
import type { ImageAttachment } from './types.ts';

export const MAX_IMAGES = 4;
/** What an image may be as sent: Anthropic's limit is 5 MB, OpenAI's 20 MB; a data URL is a third larger again. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** What a file picked may be, before it is made smaller (a GIF is not: it keeps its frames, so it must fit as it is). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
/** The longest side an image is sent with. */
export const MAX_SIDE = 2048;
/** An image under this, and not wider or taller than MAX_SIDE, goes as it is. */
const SMALL_BYTES = 1024 * 1024;

export interface AttachResult {
  images: ImageAttachment[];
  /** What was not taken, and why, in words. */
  problem: string | undefined;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The files of `types` that can be attached beside `already` images, and what was refused. */
export function pickImageFiles(files: readonly File[], already: number, types: readonly string[]): { taken: File[]; problem: string | undefined } {
  const problems: string[] = [];
  const taken: File[] = [];
  for (const file of files) {
    const gif = file.type === 'image/gif';
    const limit = gif ? MAX_IMAGE_BYTES : MAX_FILE_BYTES;
    if (!types.includes(file.type)) problems.push(`${file.name} is not a PNG, JPEG, WebP or GIF image`);
    else if (file.size > limit) problems.push(`${file.name} is ${megabytes(file.size)}, over the ${megabytes(limit)} ${gif ? 'a GIF' : 'an image'} may be`);
    else if (already + taken.length >= MAX_IMAGES) problems.push(`${file.name} is one image too many: ${MAX_IMAGES} go with a message at most`);
    else taken.push(file);
  }
  return { taken, problem: problems.length > 0 ? `Not attached: ${problems.join('; ')}.` : undefined };
}

/**
 * The image as it is sent: a large one smaller (its longest side MAX_SIDE at
 * most, as WebP), a GIF as it is (its frames kept). Where the browser cannot
 * decode or encode it here, as it is.
 */
export async function shrunk(file: File): Promise<Blob> {
  if (file.type === 'image/gif' || typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return file;
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size <= SMALL_BYTES) return file;
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const smaller = await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 });
    // A browser that cannot write WebP writes PNG, which can be larger: the smaller of the two goes.
    return smaller.size < file.size || scale < 1 ? smaller : file;
  } finally {
    bitmap.close();
  }
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.addEventListener('error', () => reject(reader.error ?? new Error('unreadable')));
    reader.readAsDataURL(file);
  });
}

/** Reads the files of `types` that can be attached beside `already` images. */
export async function attachImages(files: readonly File[], already: number, types: readonly string[]): Promise<AttachResult> {
  const { taken, problem } = pickImageFiles(files, already, types);
  const read = await Promise.allSettled(
    taken.map(async (file): Promise<ImageAttachment | string> => {
      const sent = await shrunk(file);
      if (sent.size > MAX_IMAGE_BYTES) return `${file.name} is still ${megabytes(sent.size)} made smaller, over the ${megabytes(MAX_IMAGE_BYTES)} an image may be`;
      return { name: file.name || 'pasted image', type: sent.type || file.type, dataUrl: await readAsDataUrl(sent) };
    }),
  );
  const images = read.flatMap((result) => (result.status === 'fulfilled' && typeof result.value !== 'string' ? [result.value] : []));
  const tooLarge = read.flatMap((result) => (result.status === 'fulfilled' && typeof result.value === 'string' ? [result.value] : []));
  const unread = taken.filter((_file, i) => read[i]?.status === 'rejected').map((file) => file.name);
  const problems = [problem, tooLarge.length > 0 ? `Not attached: ${tooLarge.join('; ')}.` : undefined, unread.length > 0 ? `Could not read ${unread.join(', ')}: not an image this browser can open.` : undefined].filter(Boolean);
  return { images, problem: problems.length > 0 ? problems.join(' ') : undefined };
}
