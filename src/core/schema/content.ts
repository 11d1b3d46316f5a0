/** @module The content library: assets, their file formats, search pages and insights. */
import * as z from 'zod/mini';
import { Cursor, Instant, Limit, ProductId, multilineText, prefixedId, text } from './common.js';
import { PartnerType } from './partner.js';

export const CONTENT_TYPES = [
  'datasheet',
  'presentation',
  'case_study',
  'playbook',
  'video',
  'training',
  'price_list',
  'brand_asset',
  'guide',
] as const;
export const ContentType = z.enum(CONTENT_TYPES);
export type ContentType = z.infer<typeof ContentType>;

/** The format names a file may be stored under, and the media type it is served with. */
export const CONTENT_FORMATS = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  svg: 'image/svg+xml',
  mp4: 'video/mp4',
  vtt: 'text/vtt',
  zip: 'application/zip',
  txt: 'text/plain',
} as const;
export type ContentFormat = keyof typeof CONTENT_FORMATS;
export const CONTENT_FORMAT_NAMES = Object.keys(CONTENT_FORMATS) as ContentFormat[];
export const ContentFormatName = z.enum(
  CONTENT_FORMAT_NAMES as [ContentFormat, ...ContentFormat[]],
);

export const FRESHNESS = ['new', 'updated', 'current', 'review_due'] as const;
export const Freshness = z.enum(FRESHNESS);
export type Freshness = z.infer<typeof Freshness>;

export const CONTENT_STATUSES = ['active', 'archived'] as const;
export const ContentStatus = z.enum(CONTENT_STATUSES);
export type ContentStatus = z.infer<typeof ContentStatus>;

export const AssetId = prefixedId('asset');
/** A BCP 47 language tag as the library uses it: `en`, `de`, `pt-BR`. */
export const LanguageTag = z
  .string()
  .check(z.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Expected a language tag like en or de.'));

export const AssetFormat = z.object({ format: ContentFormatName, sizeBytes: z.int() });
export type AssetFormat = z.infer<typeof AssetFormat>;

export const Asset = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  type: ContentType,
  products: z.array(z.string()),
  language: z.string(),
  regions: z.array(z.string()),
  minTierRank: z.int(),
  audiences: z.array(PartnerType),
  coBrandable: z.boolean(),
  tags: z.array(z.string()),
  formats: z.array(AssetFormat),
  createdAt: Instant,
  updatedAt: Instant,
  reviewDueAt: Instant,
  expiresAt: z.optional(z.nullable(Instant)),
  status: ContentStatus,
});
export type Asset = z.infer<typeof Asset>;

/** `[start, end)` in UTF-16 code units of the field's text. */
export const HighlightRange = z.array(z.int()).check(z.length(2));
export const Highlight = z.object({
  field: z.enum(['title', 'description']),
  ranges: z.array(HighlightRange),
});
export type Highlight = z.infer<typeof Highlight>;

export const ContentItem = z.extend(Asset, {
  freshness: Freshness,
  highlights: z.optional(z.array(Highlight)),
});
export type ContentItem = z.infer<typeof ContentItem>;

/** A facet: value → number of matching assets the caller may see. */
export const FacetCounts = z.record(z.string(), z.int());
export const ContentFacets = z.object({
  type: FacetCounts,
  product: FacetCounts,
  language: FacetCounts,
});
export type ContentFacets = z.infer<typeof ContentFacets>;

export const ContentPage = z.object({
  items: z.array(ContentItem),
  facets: ContentFacets,
  total: z.int(),
  nextCursor: z.nullable(z.string()),
  suggestions: z.optional(z.array(z.string())),
});
export type ContentPage = z.infer<typeof ContentPage>;

export const CONTENT_SORTS = ['relevance', 'updated'] as const;

export const ContentListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    q: z.optional(z.string().check(z.maxLength(200, 'At most 200 characters.'))),
    type: z.optional(ContentType),
    product: z.optional(ProductId),
    language: z.optional(LanguageTag),
    sort: z.optional(z.enum(CONTENT_SORTS)),
    limit: z.optional(Limit),
    cursor: z.optional(Cursor),
  }))();
export type ContentListQuery = z.infer<typeof ContentListQuery>;

const Region = text(64);

/** `POST /v1/content` and `PUT /v1/content/:id` (the whole asset, files aside). */
export const ContentInput = /* @__PURE__ */ (() =>
  z.strictObject({
    title: text(200),
    description: multilineText(4000),
    type: ContentType,
    products: z.array(ProductId).check(z.maxLength(20)),
    language: LanguageTag,
    regions: z.optional(z.array(Region).check(z.maxLength(20))),
    minTierRank: z.optional(z.int().check(z.gte(1, 'At least 1.'), z.lte(100))),
    audiences: z.optional(z.array(PartnerType).check(z.maxLength(5))),
    coBrandable: z.optional(z.boolean()),
    tags: z.optional(z.array(text(50)).check(z.maxLength(30))),
    reviewDueAt: z.optional(Instant),
    expiresAt: z.optional(z.nullable(Instant)),
  }))();
export type ContentInput = z.infer<typeof ContentInput>;

export const ContentInsightsQuery = /* @__PURE__ */ (() =>
  z.strictObject({ since: z.optional(z.union([Instant, z.iso.date()])) }))();
export type ContentInsightsQuery = z.infer<typeof ContentInsightsQuery>;

export const ContentInsights = z.object({
  zeroResultQueries: z.array(z.object({ q: z.string(), count: z.int(), lastAt: Instant })),
  topQueries: z.array(z.object({ q: z.string(), count: z.int() })),
  topDownloads: z.array(z.object({ assetId: z.string(), title: z.string(), downloads: z.int() })),
});
export type ContentInsights = z.infer<typeof ContentInsights>;
