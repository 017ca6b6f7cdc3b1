// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { assistantReply } from '../chat/test-messages.ts';
import type { Message } from '../chat/types.ts';
import { CompareView, type CompareLane } from './compare-view.tsx';
import { stubResizeObserver } from './test-dom.ts';

const IMAGES = 'openai/gpt-image-1';
const CHAT = 'groq/llama-3.3-70b-versatile';
const NOTE = `${IMAGES} makes images only and cannot chat: a message is not sent to this lane.`;

beforeEach(() => {
  stubResizeObserver();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const exchange = (model: string): Message[] => [
  { id: `u-${model}`, role: 'user', content: 'hi' },
  assistantReply({ id: `a-${model}`, model, content: `An earlier reply from ${model}` }),
];

function renderLanes(lanes: CompareLane[]): void {
  render(
    <CompareView
      lanes={lanes}
      speeds={[]}
      speedScope="last"
      modelToAdd={undefined}
      streaming={false}
      onAdd={() => undefined}
      onRemove={() => undefined}
      onClear={() => undefined}
    />,
  );
}

it('says a lane’s model cannot chat in place of its replies while it has none', () => {
  renderLanes([
    { model: CHAT, messages: [] },
    { model: IMAGES, messages: [], cannotChat: true },
  ]);
  expect(within(screen.getByRole('region', { name: IMAGES })).getByText(NOTE)).toBeTruthy();
  expect(within(screen.getByRole('region', { name: CHAT })).queryByText(/cannot chat/)).toBeNull();
});

it('says so above the replies a lane already has, which stay', () => {
  renderLanes([
    { model: CHAT, messages: exchange(CHAT) },
    { model: IMAGES, messages: exchange(IMAGES), cannotChat: true },
  ]);
  const images = within(screen.getByRole('region', { name: IMAGES }));
  expect(images.getByText(NOTE)).toBeTruthy();
  expect(images.getByText(`An earlier reply from ${IMAGES}`)).toBeTruthy();
  const chat = within(screen.getByRole('region', { name: CHAT }));
  expect(chat.queryByText(/cannot chat/)).toBeNull();
  expect(chat.getByText(`An earlier reply from ${CHAT}`)).toBeTruthy();
});
