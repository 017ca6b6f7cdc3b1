// Images attached to a message: which files are taken, and how they are read
// (as data URLs, which the gateway takes in a message's `image_url` parts and
// which keep in the browser's storage with the conversation).
import { IMAGE_TYPES, type ImageAttachment } from './types.ts';
export const MAX_IMAGES = 4;
/** Per image: Anthropic's limit is 5 MB, OpenAI's 20 MB; a data URL is a third larger again. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export interface AttachResult {
  images: ImageAttachment[];
  /** What was not taken, and why, in words. */
  problem: string | undefined;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The files that can be attached beside `already` images, and what was refused. */
export function pickImageFiles(files: readonly File[], already: number): { taken: File[]; problem: string | undefined } {
  const problems: string[] = [];
  const taken: File[] = [];
  for (const file of files) {
    if (!IMAGE_TYPES.includes(file.type)) problems.push(`${file.name} is not a PNG, JPEG, WebP or GIF image`);
    else if (file.size > MAX_IMAGE_BYTES) problems.push(`${file.name} is ${megabytes(file.size)}, over the ${megabytes(MAX_IMAGE_BYTES)} an image may be`);
    else if (already + taken.length >= MAX_IMAGES) problems.push(`${file.name} is one image too many: ${MAX_IMAGES} go with a message at most`);
    else taken.push(file);
  }
  return { taken, problem: problems.length > 0 ? `Not attached: ${problems.join('; ')}.` : undefined };
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.addEventListener('error', () => reject(reader.error ?? new Error(`Could not read ${file.name}`)));
    reader.readAsDataURL(file);
  });
}

/** Reads the files that can be attached beside `already` images. */
export async function attachImages(files: readonly File[], already: number): Promise<AttachResult> {
  const { taken, problem } = pickImageFiles(files, already);
  const read = await Promise.allSettled(taken.map(async (file): Promise<ImageAttachment> => ({ name: file.name || 'pasted image', type: file.type, dataUrl: await readAsDataUrl(file) })));
  const images = read.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const unread = taken.filter((_file, i) => read[i]?.status === 'rejected').map((file) => file.name);
  const problems = [problem, unread.length > 0 ? `Could not read ${unread.join(', ')}.` : undefined].filter(Boolean);
  return { images, problem: problems.length > 0 ? problems.join(' ') : undefined };
}
