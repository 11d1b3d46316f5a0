import { css } from 'lit';
import type { CSSResultGroup } from 'lit';
import { hostStyles, tokens } from '../shared/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
  hostStyles,
  css`
    :host {
      display: block;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      /* The meter's colours; a host may set its own. */
      --_paid: var(--prm-mdf-paid, var(--_success));
      --_claimed: var(--prm-mdf-claimed, color-mix(in srgb, var(--_success) 55%, var(--_surface)));
      --_approved: var(--prm-mdf-approved, var(--_accent));
      --_pending: var(--prm-mdf-pending, var(--_warning));
      --_available: var(--prm-mdf-available, var(--_surface-raised));
    }
    .period {
      padding: var(--_space-4);
    }
    .period + .period {
      border-block-start: 1px solid var(--_border);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space-2);
      min-block-size: 2.25rem;
    }
    h3 {
      margin: 0;
      font-size: var(--_font-size-large);
      font-weight: 600;
    }
    h4 {
      margin: var(--_space-4) 0 var(--_space-2);
      font-size: var(--_font-size);
      font-weight: 600;
    }
    p {
      margin: 0;
    }
    .expires,
    .meta,
    .hint,
    .none {
      color: var(--_text-muted);
      font-size: var(--_font-size-small);
    }
    .expires {
      margin-block: var(--_space-1) var(--_space-3);
      min-block-size: 1.1rem;
    }
    .notice {
      margin-block: var(--_space-2) var(--_space-3);
      padding: var(--_space-2) var(--_space-3);
      border-inline-start: 4px solid var(--_warning);
      background: var(--_surface-raised);
      font-size: var(--_font-size-small);
    }
    .notice.expired {
      border-color: var(--_danger);
    }
    .meter {
      display: flex;
      block-size: 0.875rem;
      border-radius: 999px;
      overflow: hidden;
      background: var(--_available);
      border: 1px solid var(--_border);
    }
    .segment {
      display: block;
      block-size: 100%;
    }
    .paid {
      --_c: var(--_paid);
    }
    .claimed {
      --_c: var(--_claimed);
    }
    .approved {
      --_c: var(--_approved);
    }
    .pending {
      --_c: var(--_pending);
    }
    .available {
      --_c: var(--_available);
    }
    .segment,
    .swatch {
      background: var(--_c);
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
      gap: var(--_space-2) var(--_space-4);
      margin: var(--_space-3) 0 0;
    }
    .figure dt {
      display: flex;
      align-items: center;
      gap: var(--_space-1);
      color: var(--_text-muted);
      font-size: var(--_font-size-small);
    }
    .figure dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      min-block-size: 1.25rem;
    }
    .figure.available dd {
      font-size: var(--_font-size-large);
    }
    .swatch {
      inline-size: 0.625rem;
      block-size: 0.625rem;
      border-radius: 2px;
      border: 1px solid var(--_border);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .request {
      padding: var(--_space-3) 0;
      border-block-start: 1px solid var(--_border);
    }
    .head {
      display: flex;
      gap: var(--_space-2);
      align-items: baseline;
      justify-content: space-between;
    }
    .title {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-1) var(--_space-3);
      margin-block-start: var(--_space-1);
    }
    .deadline.closed {
      color: var(--_danger);
    }
    .comment {
      font-style: italic;
      color: var(--_text-muted);
      font-size: var(--_font-size-small);
      margin-block-start: var(--_space-1);
    }
    .badge {
      flex: none;
      padding: 0 var(--_space-2);
      border-radius: 999px;
      font-size: var(--_font-size-small);
      border: 1px solid currentColor;
    }
    .badge.submitted {
      color: var(--_warning);
    }
    .badge.approved,
    .badge.paid {
      color: var(--_success);
    }
    .badge.rejected {
      color: var(--_danger);
    }
    .badge.returned {
      color: var(--_text-muted);
    }
    .claims {
      margin-block-start: var(--_space-2);
      padding-inline-start: var(--_space-4);
      border-inline-start: 2px solid var(--_border);
    }
    .claim {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      align-items: center;
      padding-block: var(--_space-1);
    }
    .actions,
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      margin-block-start: var(--_space-2);
    }
    button,
    input,
    select,
    textarea {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space-1) var(--_space-2);
      min-block-size: 2rem;
    }
    button {
      cursor: pointer;
    }
    button.primary {
      background: var(--_accent);
      color: var(--_on-accent);
      border-color: var(--_accent);
    }
    .message {
      display: grid;
      place-items: center;
      gap: var(--_space-3);
      padding: var(--_space-5) var(--_space-4);
      min-block-size: 12rem;
      text-align: center;
      color: var(--_text-muted);
    }
    .message.error {
      color: var(--_danger);
    }
    .bone {
      display: inline-block;
      inline-size: 6rem;
      block-size: 0.9em;
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }
    .bone.short {
      inline-size: 4rem;
    }
    .bone.wide,
    .title-bone {
      inline-size: 12rem;
    }
    .title-bone {
      block-size: 1.5rem;
    }
    .skeleton .request {
      display: flex;
      justify-content: space-between;
      block-size: 4.75rem;
    }
    @media (prefers-reduced-motion: no-preference) {
      .bone,
      .skeleton .meter {
        animation: pulse 1.2s ease-in-out infinite alternate;
      }
    }
    @keyframes pulse {
      to {
        opacity: 0.5;
      }
    }
    @media (forced-colors: active) {
      .segment,
      .swatch {
        forced-color-adjust: none;
      }
    }
  `,
];
