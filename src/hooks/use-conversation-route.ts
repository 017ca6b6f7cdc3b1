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
 * Keeps the URL on the open conversation while `active`, and hands the path
 * reached by Back or Forward to `onNavigate`. One listener for the whole
 * page: React renders between two listeners of one event, and a render that
 * saw only half of the change would write the wrong URL.
 */
export function useConversationRoute(openId: string, saved: boolean, active: boolean, onNavigate: (pathname: string) => void): void {
  const previous = useRef({ openId, saved });
  useEffect(() => {
    if (!active) return;
    const target = saved ? conversationPath(openId) : '/';
    const before = previous.current;
    previous.current = { openId, saved };
    if (location.pathname === target) return;
    // The first message saves a new conversation: its URL replaces "/", it is not a new page.
    // A URL naming a conversation that is not saved (deleted, or from another
    // browser) is replaced by "/", not stacked on it, so Back does not bounce.
    if (before.openId === openId || conversationIdFromPath(location.pathname) === openId) history.replaceState(null, '', target);
    else history.pushState(null, '', target);
  }, [openId, saved, active]);

  useEffect(() => {
    const onPop = (): void => onNavigate(location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [onNavigate]);
}
