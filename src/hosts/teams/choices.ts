/**
 * @module The configurable tab's choices, and what each saves: a view (a widget and its
 * attributes), a name for the tab, and what is missing before it can be saved. The four named
 * choices are the ones channel teams asked for; every other widget of the registry is offered as
 * itself, so a widget added later can be pinned to a channel with nothing changed here.
 */
import type { TabView } from './views.js';
import { TAB_WIDGETS, widgetLabel } from './views.js';

export interface TabChoice {
  /** What the configuration page's form holds. */
  kind: string;
  partnerId?: string | undefined;
  status?: string | undefined;
  assignedToMe?: boolean | undefined;
  /** The review queue of one region's partners (vendor roles); none: every region. */
  region?: string | undefined;
  product?: string | undefined;
}

export interface ChoiceOption {
  kind: string;
  label: string;
}

const NAMED: ChoiceOption[] = [
  { kind: 'pipeline', label: "A partner's pipeline" },
  { kind: 'review-queue', label: 'The review queue' },
  { kind: 'tier-progress', label: 'Tier progress' },
  { kind: 'content', label: 'Content for a product' },
];
/** The widgets the named choices show. */
const NAMED_TAGS = ['prm-deal-list', 'prm-tier-progress', 'prm-content-finder'];

/** Every choice: the named ones, then each other widget of the registry by its label. */
export function choiceOptions(tags: readonly string[] = TAB_WIDGETS): ChoiceOption[] {
  return [
    ...NAMED.filter((o) => tags.includes(tagOf(o.kind))),
    ...tags
      .filter((tag) => !NAMED_TAGS.includes(tag))
      .map((tag) => ({ kind: tag, label: widgetLabel(tag) })),
  ];
}

function tagOf(kind: string): string {
  if (kind === 'pipeline' || kind === 'review-queue') return 'prm-deal-list';
  if (kind === 'tier-progress') return 'prm-tier-progress';
  if (kind === 'content') return 'prm-content-finder';
  return kind;
}

/**
 * The regions the program's partners are in, each once (the API compares regions without case),
 * in alphabetical order: what the review queue can be narrowed to.
 */
export function regionsOf(partners: readonly { region: string }[]): string[] {
  const seen = new Map<string, string>();
  for (const { region } of partners) {
    const key = region.trim().toLowerCase();
    if (key && !seen.has(key)) seen.set(key, region.trim());
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

export const REVIEW_STATUSES = ['under_review', 'approved', 'rejected', 'expired', ''] as const;

/**
 * What is missing, by field (`partnerId`, `product`, `kind`), as the sentence shown beside it.
 * `vendor`: the signed-in user is the vendor's staff (who must name the partner).
 */
export function choiceErrors(choice: TabChoice, vendor: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const kinds = choiceOptions().map((o) => o.kind);
  if (!kinds.includes(choice.kind)) errors['kind'] = 'Choose what the tab shows.';
  if (choice.kind === 'pipeline' && vendor && !choice.partnerId?.trim()) {
    errors['partnerId'] = 'Choose the partner whose pipeline the tab shows.';
  }
  if (choice.kind === 'content' && !choice.product?.trim()) {
    errors['product'] = 'Choose the product whose content the tab shows.';
  }
  if (
    choice.kind === 'review-queue' &&
    !(REVIEW_STATUSES as readonly string[]).includes(choice.status ?? 'under_review')
  ) {
    errors['status'] = 'Choose a status from the list.';
  }
  return errors;
}

/** The view a valid choice saves, and the tab's suggested name. */
export function choiceView(
  choice: TabChoice,
  names: { partner?: string | undefined; product?: string | undefined } = {},
): { view: TabView; name: string } {
  const attributes: Record<string, string> = {};
  switch (choice.kind) {
    case 'pipeline':
      if (choice.partnerId) attributes['partner-id'] = choice.partnerId;
      return {
        view: { tag: 'prm-deal-list', attributes },
        name: names.partner ? `${names.partner} pipeline` : 'Pipeline',
      };
    case 'review-queue':
      attributes['status'] = choice.status ?? 'under_review';
      if (choice.assignedToMe) attributes['assignee'] = 'me';
      if (choice.region?.trim()) attributes['region'] = choice.region.trim();
      attributes['sort'] = 'reviewDueAt';
      return {
        view: { tag: 'prm-deal-list', attributes },
        name:
          (choice.assignedToMe ? 'My reviews' : 'Review queue') +
          (attributes['region'] ? ` (${attributes['region']})` : ''),
      };
    case 'tier-progress':
      if (choice.partnerId) attributes['partner-id'] = choice.partnerId;
      return {
        view: { tag: 'prm-tier-progress', attributes },
        name: names.partner ? `${names.partner} tier` : 'Tier progress',
      };
    case 'content':
      if (choice.product) attributes['product'] = choice.product;
      return {
        view: { tag: 'prm-content-finder', attributes },
        name: names.product ? `${names.product} content` : 'Content',
      };
    default:
      return { view: { tag: choice.kind, attributes }, name: widgetLabel(choice.kind) };
  }
}
