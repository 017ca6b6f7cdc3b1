// Where the focus goes when a key press takes away the button it was on
// (Regenerate, Continue, an edit saved: their buttons go while the reply
// streams): to the message box of the view the reply is in, not to the page's
// start. The chat and the compare view each give their own box.
import { createContext } from 'react';

export const FocusComposerContext = createContext<() => void>(() => undefined);

/**
 * Whether a button was pressed from the keyboard (Enter or Space on it), not
 * by a pointer: only then does the focus move, so a tap does not bring up a
 * phone's keyboard.
 */
export const pressedFromKeyboard = (button: Element): boolean => button.matches(':focus-visible');
