/**
 * @module Deals in the conversation: the deep link that opens a tab on one deal (Teams passes the
 * `subEntityId` back as the context's `page.subPageId`), and the message `sharing.shareWebContent`
 * posts into the chat.
 */
import type { Deal } from '../../core/schema/index.js';

const PREFIX = 'deal:';

export const dealSubPageId = (dealId: string) => `${PREFIX}${dealId}`;

/** The deal id a deep link carries, if it is a deal's. */
export function dealIdFromSubPage(subPageId: string | undefined): string | undefined {
  if (!subPageId?.startsWith(PREFIX)) return undefined;
  const id = subPageId.slice(PREFIX.length).trim();
  return /^[\w-]{1,100}$/.test(id) ? id : undefined;
}

export interface DeepLinkTarget {
  /** The Teams app id (the manifest's `id`). */
  appId: string;
  /** The tab's entity id (the manifest's static tab, or the configured tab's). */
  entityId: string;
  /** For a channel tab: the channel, so the link lands in it. */
  channelId?: string | undefined;
  /** For a chat tab: the chat. */
  chatId?: string | undefined;
}

/** `https://teams.microsoft.com/l/entity/<app>/<entity>?context={"subEntityId":"deal:…"}`. */
export function dealDeepLink(target: DeepLinkTarget, dealId: string): string {
  const context: Record<string, string> = { subEntityId: dealSubPageId(dealId) };
  if (target.channelId) context['channelId'] = target.channelId;
  else if (target.chatId) context['chatId'] = target.chatId;
  const url = new URL(
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(target.appId)}/${encodeURIComponent(target.entityId)}`,
  );
  url.searchParams.set('context', JSON.stringify(context));
  return url.href;
}

/** What the share box says about the deal, as text. */
export function shareMessage(deal: Deal): string {
  return `Deal "${deal.title}" for ${deal.customer.name} (${deal.status.replace(/_/g, ' ')})`;
}
