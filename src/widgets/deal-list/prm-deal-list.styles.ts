import { css } from 'lit';
import type { CSSResultGroup } from 'lit';
import { hostStyles, tokens } from '../shared/tokens.js';
import { deskStyles } from './deal-list-desk.styles.js';

export const styles: CSSResultGroup = [
  tokens,
  hostStyles,
  deskStyles,
  css`
    :host {
      position: relative;
      display: flex;
      flex-direction: column;
      /* The list scrolls inside the element, so it needs a height; a host can set its own. */
      block-size: var(--prm-deal-list-height, 32rem);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
      container-type: inline-size;
    }

    [part='filters'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2) var(--_space-3);
      align-items: end;
      padding: var(--_space-3) var(--_space-4);
      border-block-end: 1px solid var(--_border);
      background: var(--_surface-raised);
    }
    .more-filters {
      display: contents;
    }
    .filters-toggle {
      display: none;
    }
    .filters-toggle .count {
      display: inline-block;
      min-inline-size: 1.25rem;
      border-radius: 999px;
      background: var(--_accent);
      color: var(--_on-accent);
      text-align: center;
    }
    /* A phone: search and one button; the other filters fold behind it. */
    @container (max-width: 40rem) {
      [part='filters'] {
        flex-wrap: nowrap;
      }
      [part='filters'] > label {
        flex: 1 1 auto;
        min-inline-size: 0;
      }
      input[type='search'] {
        min-inline-size: 0;
        inline-size: 100%;
      }
      .filters-toggle {
        display: inline-block;
        flex: none;
      }
      .more-filters {
        display: none;
      }
      .more-filters[data-open] {
        position: absolute;
        z-index: 2;
        inset-inline: 0;
        inset-block-start: 3.75rem;
        display: flex;
        flex-direction: column;
        gap: var(--_space-2);
        padding: var(--_space-3) var(--_space-4);
        background: var(--_surface-raised);
        border-block-end: 1px solid var(--_border);
        box-shadow: 0 4px 8px rgb(0 0 0 / 0.2);
      }
      [part~='row'] {
        padding: var(--_space-2) var(--_space-3);
      }
      .decide input {
        min-inline-size: 0;
      }
    }
    label {
      display: flex;
      flex-direction: column;
      gap: var(--_space-1);
      font-size: var(--_font-size-small);
      color: var(--_text-muted);
    }
    input,
    select,
    button {
      font: inherit;
      font-size: var(--_font-size);
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space-1) var(--_space-2);
      min-block-size: 2rem;
    }
    input[type='search'] {
      min-inline-size: 12rem;
    }
    button {
      cursor: pointer;
    }
    button.primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-accent);
    }
    button.danger {
      color: var(--_danger);
      border-color: var(--_danger);
    }
    button:disabled {
      cursor: default;
      opacity: 0.6;
    }

    /* The scroller of the windowed rows (deal-list-window.ts): each row sits at its offset over a
       spacer as tall as all of them. Contained, so that rows coming and going lay out nothing
       outside it; no scroll anchoring, which would fight the offsets. */
    .list {
      flex: 1 1 auto;
      min-block-size: 0;
      position: relative;
      overflow: auto;
      overflow-anchor: none;
      contain: strict;
    }
    .list > [part~='row'] {
      position: absolute;
      inset-block-start: 0;
      inset-inline-start: 0;
    }

    [part~='row'] {
      contain: content;
      inline-size: 100%;
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: var(--_space-1) var(--_space-3);
      padding: var(--_space-3) var(--_space-4);
      border-block-end: 1px solid var(--_border);
      background: var(--_surface);
      cursor: pointer;
    }
    [part~='row']:hover {
      background: var(--_surface-raised);
    }
    [part~='row']:focus-visible {
      outline-offset: -2px;
    }
    [part~='row'][aria-busy='true'] {
      opacity: 0.75;
    }
    .who {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    .customer {
      font-weight: 600;
    }
    .title,
    .partner {
      color: var(--_text-muted);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .amount {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      text-align: end;
    }
    .badges,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-1) var(--_space-2);
      align-items: center;
    }
    .actions {
      justify-content: end;
    }
    [part~='badge'] {
      display: inline-block;
      padding: 0 var(--_space-2);
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: var(--_font-size-small);
      white-space: nowrap;
    }
    [data-status='under_review'] {
      color: var(--_warning);
    }
    [data-status='approved'] {
      color: var(--_success);
    }
    [data-status='rejected'] {
      color: var(--_danger);
    }
    [data-status='withdrawn'],
    [data-status='expired'] {
      color: var(--_text-muted);
    }
    [data-verdict='review'] {
      color: var(--_warning);
    }
    [data-verdict='blocked'],
    [data-overdue] {
      color: var(--_danger);
      font-weight: 600;
    }
    .muted {
      color: var(--_text-muted);
      font-size: var(--_font-size-small);
    }
    .decide {
      padding-block-start: var(--_space-2);
    }
    .decide input {
      min-inline-size: 14rem;
    }
    .row-error {
      grid-column: 1 / -1;
      margin: 0;
      color: var(--_danger);
    }

    .skeleton {
      flex: 1 1 auto;
      overflow: hidden;
    }
    .skeleton [part~='row'] {
      cursor: default;
    }
    .bone {
      display: block;
      block-size: 0.8em;
      margin-block: 0.3em;
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }
    .bone.short {
      inline-size: 40%;
    }
    .bone.long {
      inline-size: 65%;
    }
    .bone.money {
      inline-size: 5rem;
    }
    .bone.badge {
      inline-size: 6rem;
    }
    @media (prefers-reduced-motion: no-preference) {
      .bone {
        animation: pulse 1.2s ease-in-out infinite alternate;
      }
    }
    @keyframes pulse {
      to {
        opacity: 0.4;
      }
    }

    [part='empty'],
    [part='error'] {
      flex: 1 1 auto;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: var(--_space-3);
      padding: var(--_space-5);
      text-align: center;
    }
    [part='empty'] p,
    [part='error'] p {
      margin: 0;
    }
    [part='error'] {
      color: var(--_danger);
    }
    .footer {
      padding: var(--_space-2) var(--_space-4);
      border-block-start: 1px solid var(--_border);
      font-size: var(--_font-size-small);
      color: var(--_text-muted);
    }
    /* Over the list, not below it: a list that changed size would lay its rows out again. */
    .loading-more {
      position: absolute;
      inset-block-end: var(--_space-2);
      inset-inline-start: 50%;
      transform: translateX(-50%);
      padding: var(--_space-1) var(--_space-3);
      border-radius: 999px;
      background: var(--_surface-raised);
      border: 1px solid var(--_border);
      font-size: var(--_font-size-small);
      pointer-events: none;
    }
  `,
];
