/**
 * @module The form draft — what the user typed into the registration form and has not sent (not
 * the deal list's review draft of a decision) — in `localStorage`, per user and API, with its
 * idempotency key: a reload, a crash or an expired session loses nothing, and a retried submit
 * replays instead of duplicating.
 */
import { newIdempotencyKey } from '../../core/client/request.js';
import { normalizeBaseUrl } from '../../core/client.js';
import type { PartnerClient } from '../../core/client.js';
import { FIELDS, emptyValues } from './form.js';
import type { FormValues } from './form.js';

export interface FormDraft {
  /** The `Idempotency-Key` of every submit of this draft, made when the draft starts. */
  key: string;
  values: FormValues;
  /** When it was last saved (RFC 3339), for the "restored" notice. */
  savedAt: string;
}

export const newFormDraft = (values: FormValues): FormDraft => ({
  key: newIdempotencyKey(),
  values,
  savedAt: new Date().toISOString(),
});

/** The API a client talks to, as the draft key names it: its base URL without `/v1`. */
export const apiBaseOf = (client: PartnerClient): string =>
  normalizeBaseUrl(client.options?.baseUrl);

/** One key per user and API, so two people on one browser, or two programs, never share a draft. */
export const draftStorageKey = (apiBase: string, userId: string): string =>
  `prm:deal-draft:${apiBase}:${userId}`;

/** A stored draft is read back field by field: it may come from an older version or be tampered with. */
function revive(raw: unknown): FormDraft | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { key, values, savedAt } = raw as Record<string, unknown>;
  if (typeof key !== 'string' || !key || typeof values !== 'object' || values === null) {
    return undefined;
  }
  const out = emptyValues();
  const from = values as Record<string, unknown>;
  for (const field of FIELDS) {
    const value = from[field];
    if (field === 'products') {
      if (Array.isArray(value)) out.products = value.filter((p) => typeof p === 'string');
    } else if (typeof value === 'string') {
      out[field] = value;
    }
  }
  return { key, values: out, savedAt: typeof savedAt === 'string' ? savedAt : '' };
}

/**
 * `localStorage` can be missing or throw (a sandboxed iframe, storage blocked for third parties,
 * a full quota): then drafts live as long as the page, and nothing else breaks.
 */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export class FormDraftStore {
  constructor(readonly storageKey: string) {}

  load(): FormDraft | undefined {
    try {
      const text = storage()?.getItem(this.storageKey);
      return text ? revive(JSON.parse(text)) : undefined;
    } catch {
      return undefined;
    }
  }

  save(draft: FormDraft): void {
    try {
      storage()?.setItem(this.storageKey, JSON.stringify(draft));
    } catch {
      // Quota or blocked storage: the draft stays in memory.
    }
  }

  clear(): void {
    try {
      storage()?.removeItem(this.storageKey);
    } catch {
      // As above.
    }
  }
}
