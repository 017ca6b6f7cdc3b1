// The key that stops what is playing (a reply in flight, a replay): Esc,
// unless it is closing something first (a dialog, a message being edited).
// Shift+Esc is another shortcut: it moves to the message box.
export function isStopKey(event: KeyboardEvent): boolean {
  const inside = event.target instanceof Element && event.target.closest('dialog, article textarea');
  return event.key === 'Escape' && !event.shiftKey && !inside;
}
