import { css } from 'lit';
import type { CSSResultGroup } from 'lit';
import { hostStyles, tokens } from '../shared/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
  hostStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      max-width: var(--prm-deal-registration-max-width, 44rem);
      background: var(--_surface);
    }
    h2 {
      font-size: var(--_font-size-large);
      margin: 0;
    }
    .panel p {
      margin: 0;
    }
    form,
    .panel {
      display: grid;
      gap: var(--_space-4);
      padding: var(--_space-4);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_space-3);
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-bottom: var(--_space-2);
    }
    .grid {
      display: grid;
      gap: var(--_space-3);
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    }
    .field {
      display: grid;
      gap: var(--_space-1);
      align-content: start;
    }
    label,
    .label {
      font-weight: 600;
    }
    .hint {
      color: var(--_text-muted);
      font-size: var(--_font-size-small);
      margin: 0;
    }
    input,
    select,
    textarea {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space-2);
      min-height: 2.25rem;
      width: 100%;
    }
    textarea {
      min-height: 5rem;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
      box-shadow: inset 0 0 0 1px var(--_danger);
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2) var(--_space-4);
    }
    .choices label {
      display: inline-flex;
      align-items: center;
      gap: var(--_space-2);
      font-weight: normal;
    }
    .choices input {
      width: auto;
      min-height: auto;
      accent-color: var(--_accent);
    }
    .error {
      color: var(--_danger);
      font-size: var(--_font-size-small);
      margin: 0;
    }
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_space-2);
      padding: var(--_space-2) var(--_space-3);
      border-inline-start: 4px solid var(--_accent);
      background: var(--_surface-raised);
      border-radius: var(--_radius);
      margin: 0;
    }
    .notice p {
      margin: 0;
      flex: 1 1 16rem;
    }
    .notice.danger {
      border-color: var(--_danger);
    }
    .notice.warning {
      border-color: var(--_warning);
    }
    .badge {
      display: inline-block;
      padding: 0 var(--_space-2);
      border-radius: 999px;
      font-size: var(--_font-size-small);
      font-weight: 600;
      border: 1px solid currentColor;
      white-space: nowrap;
    }
    .danger .badge,
    .badge.rejected {
      color: var(--_danger);
    }
    .warning .badge,
    .badge.under_review {
      color: var(--_warning);
    }
    .badge.approved {
      color: var(--_success);
    }
    .muted {
      color: var(--_text-muted);
      font-size: var(--_font-size-small);
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      align-items: center;
    }
    button {
      font: inherit;
      cursor: pointer;
      padding: var(--_space-2) var(--_space-4);
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
      min-height: 2.25rem;
    }
    button.primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-accent);
    }
    button.link {
      border: 0;
      background: none;
      padding: 0;
      min-height: auto;
      color: var(--_accent);
      text-decoration: underline;
    }
    button[disabled] {
      cursor: progress;
      opacity: 0.7;
    }
    .outcome:focus {
      outline: none;
    }
    .outcome h2 {
      display: flex;
      gap: var(--_space-2);
      align-items: baseline;
      flex-wrap: wrap;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--_space-1) var(--_space-3);
      margin: 0;
    }
    dt {
      color: var(--_text-muted);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    /* As tall as the form it stands for, at each width (one column below 30rem, two above), so
       that the page below does not move when the form arrives. Measured in the default theme. */
    .skeleton {
      min-block-size: 42.5rem;
    }
    @container (max-width: 44rem) {
      .skeleton {
        min-block-size: 47rem;
      }
    }
    @container (max-width: 30rem) {
      .skeleton {
        min-block-size: 64.25rem;
      }
    }
    .skeleton .bar {
      height: 2.25rem;
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }
    .skeleton .bar.short {
      height: 1rem;
      width: 40%;
    }
    @media (prefers-reduced-motion: no-preference) {
      .skeleton .bar {
        animation: pulse 1.5s ease-in-out infinite;
      }
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
  `,
];
