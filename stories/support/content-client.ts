/**
 * A fake Partner API client for the content finder's stories and screenshots: the demo library
 * (the same generator the reference server seeds from) searched in memory by word prefixes, with
 * highlights, facets and suggestions shaped like the server's.
 */
import type { PartnerClient } from '../../src/core/client.js';
import type { ContentItem, ContentListQuery, ContentPage } from '../../src/core/schema/index.js';
import { demoLibrary } from '../../src/server/seed/content-library.js';

const SIZES: Record<string, number> = {
  pdf: 824_000,
  png: 48_200,
  svg: 2_300,
  csv: 1_100,
  vtt: 900,
  txt: 3_400,
};

export function contentLibrary(now = new Date()): ContentItem[] {
  return demoLibrary(now, 120)
    .filter((a) => a.status === 'active' && !a.expiresAt)
    .map((a, i) => ({
      id: a.id,
      title: a.title,
      description: a.description,
      type: a.type,
      products: a.products,
      language: a.language,
      regions: a.regions,
      minTierRank: a.minTierRank,
      audiences: a.audiences,
      coBrandable: a.coBrandable,
      tags: a.tags,
      formats: a.formats.map((format) => ({ format, sizeBytes: SIZES[format]! + i * 37 })),
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      reviewDueAt: a.reviewDueAt,
      expiresAt: null,
      status: 'active',
      freshness: (['new', 'current', 'updated', 'current', 'review_due'] as const)[i % 5]!,
    }));
}

const words = (s: string) => [...s.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);

function ranges(text: string, terms: string[]): number[][] {
  const out: number[][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const t = terms.find((w) => m[0].toLowerCase().startsWith(w));
    if (t) out.push([m.index, m.index + t.length]);
  }
  return out;
}

export interface FakeContentOptions {
  items?: ContentItem[];
  /** Runs before each search: throw to fail it, await to hold it. */
  before?: () => unknown;
}

export function fakeContentClient(o: FakeContentOptions = {}): PartnerClient {
  const items = o.items ?? contentLibrary();
  const search = async (q: Partial<ContentListQuery> = {}): Promise<ContentPage> => {
    await o.before?.();
    const terms = words(q.q ?? '');
    const matching = items.filter((i) =>
      terms.every((t) =>
        words(`${i.title} ${i.description} ${i.tags.join(' ')}`).some((w) => w.startsWith(t)),
      ),
    );
    const facets: ContentPage['facets'] = { type: {}, product: {}, language: {} };
    for (const i of matching) {
      if (
        (!q.product || i.products.includes(q.product)) &&
        (!q.language || i.language === q.language)
      )
        facets.type[i.type] = (facets.type[i.type] ?? 0) + 1;
      if ((!q.type || i.type === q.type) && (!q.language || i.language === q.language))
        for (const p of i.products) facets.product[p] = (facets.product[p] ?? 0) + 1;
      if ((!q.type || i.type === q.type) && (!q.product || i.products.includes(q.product)))
        facets.language[i.language] = (facets.language[i.language] ?? 0) + 1;
    }
    const hits = matching.filter(
      (i) =>
        (!q.type || i.type === q.type) &&
        (!q.product || i.products.includes(q.product)) &&
        (!q.language || i.language === q.language),
    );
    return {
      items: hits.slice(0, q.limit ?? 20).map((i) => ({
        ...i,
        ...(terms.length
          ? {
              highlights: (['title', 'description'] as const)
                .map((field) => ({ field, ranges: ranges(i[field], terms) }))
                .filter((h) => h.ranges.length > 0),
            }
          : {}),
      })),
      facets,
      total: hits.length,
      nextCursor: null,
      ...(hits.length === 0 && terms.length
        ? { suggestions: ['datasheet', 'pricing', 'logo'] }
        : {}),
    };
  };
  return {
    content: {
      search,
      fileUrl: (id: string, f: string) => `/v1/content/${id}/files/${f}`,
      download: async (
        _id: string,
        _f: string,
        opts: { onProgress?: (r: number, t: number) => void } = {},
      ) => {
        for (let r = 0; r <= 10; r++) {
          opts.onProgress?.(r, 10);
          await new Promise((res) => setTimeout(res, 120));
        }
        return new Blob(['demo']);
      },
    },
    events: { subscribe: () => ({ close() {} }) },
  } as unknown as PartnerClient;
}
