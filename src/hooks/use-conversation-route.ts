// The open conversation lives in the URL (/c/<id>), so a reload, a bookmark
// or Back returns to it. A new conversation is at / until its first message.
import { useEffect, useRef } from 'react';

const PATH = /^\/c\/([\w-]+)\/?$/;

export function conversationIdFromPath(pathname: string): string | undefined {
  return PATH.exec(pathname)?.[1];
}

export function conversationPath(id: string): string {
  return `/c/${id}`;
}

/**
 * Keeps the URL on the open conversation, and opens the conversation of a
 * URL reached by Back or Forward.
 */
export function useConversationRoute(openId: string, saved: boolean, loaded: boolean, onNavigate: (id: string | undefined) => void): void {
  const previous = useRef({ openId, saved });
  useEffect(() => {
    if (!loaded) return;
    const target = saved ? conversationPath(openId) : '/';
    const before = previous.current;
    previous.current = { openId, saved };
    if (location.pathname === target) return;
    // The first message saves a new conversation: its URL replaces "/", it is not a new page.
    if (before.openId === openId) history.replaceState(null, '', target);
    else history.pushState(null, '', target);
  }, [openId, saved, loaded]);

  useEffect(() => {
    const onPop = (): void => onNavigate(conversationIdFromPath(location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [onNavigate]);
}
