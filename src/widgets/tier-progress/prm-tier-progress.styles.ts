import { css } from 'lit';
import type { CSSResultGroup } from 'lit';
import { hostStyles, tokens } from '../shared/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
  hostStyles,
  css`
    :host {
      display: block;
      position: relative;
      background: var(--_surface);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 1rem 1.25rem;
      /* The skeleton holds about the size of a loaded card, so nothing jumps. */
      min-block-size: 22rem;
      box-sizing: border-box;
    }
    :host([hidden]) {
      display: none;
    }
    * {
      box-sizing: border-box;
    }
    h2,
    h3 {
      margin: 0;
      font-size: var(--_font-size-large);
      line-height: 1.3;
    }
    h3 {
      font-size: var(--_font-size);
    }
    p {
      margin: 0;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .stack {
      display: grid;
      gap: 1rem;
      align-content: start;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .muted {
      color: var(--_text-muted);
      font-size: var(--_font-size-small);
    }
    [part~='badge'] {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      padding: 0.25rem 0.75rem;
      border-radius: 999px;
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    [part~='badge']::before {
      content: '';
      inline-size: 0.6rem;
      block-size: 0.6rem;
      border-radius: 50%;
      background: currentColor;
      opacity: 0.7;
    }
    .celebrate [part~='badge'] {
      animation: rise 1.2s ease-out 2;
    }
    @keyframes rise {
      0% {
        transform: scale(1);
        box-shadow: 0 0 0 0 var(--_accent);
      }
      40% {
        transform: scale(1.12);
      }
      100% {
        transform: scale(1);
        box-shadow: 0 0 0 0.75rem transparent;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .celebrate [part~='badge'] {
        animation: none;
        outline: 3px solid var(--_success);
        outline-offset: 2px;
      }
    }
    [part='celebration'] {
      padding: 0.5rem 0.75rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_success);
      color: var(--_text);
      font-weight: 600;
    }
    [part='at-risk'] {
      padding: 0.75rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_warning);
      border-inline-start-width: 4px;
    }
    [part='at-risk'] strong {
      color: var(--_warning);
    }
    .meter-row {
      display: grid;
      gap: 0.25rem;
    }
    .meter-label {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 1rem;
    }
    .meter-label .value {
      font-variant-numeric: tabular-nums;
    }
    [role='meter'] {
      block-size: 0.5rem;
      border-radius: 999px;
      background: var(--_surface-raised);
      border: 1px solid var(--_border);
      overflow: hidden;
    }
    [role='meter'] > span {
      display: block;
      block-size: 100%;
      background: var(--_accent);
      transition: inline-size 0.6s ease-out;
    }
    [role='meter'].met > span {
      background: var(--_success);
    }
    [part='overall'] [role='meter'] {
      block-size: 0.75rem;
    }
    [part='benefits'] li,
    [part='actions'] li {
      padding-inline-start: 1.1rem;
      position: relative;
    }
    [part='benefits'] li::before {
      content: '✓';
      position: absolute;
      inset-inline-start: 0;
      color: var(--_success);
    }
    [part='actions'] li::before {
      content: '→';
      position: absolute;
      inset-inline-start: 0;
      color: var(--_accent);
    }
    .columns {
      display: grid;
      gap: 1rem;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      align-items: start;
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_accent);
      padding: 0.35rem 0.75rem;
      justify-self: start;
    }
    button:focus-visible {
      outline: 2px solid var(--_focus-ring);
      outline-offset: 2px;
    }
    [part='history'] li {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
      padding-block: 0.25rem;
      border-block-end: 1px solid var(--_border);
    }
    [part='error'] {
      display: grid;
      gap: 0.75rem;
      color: var(--_danger);
    }
    .skeleton {
      display: grid;
      gap: 1rem;
    }
    .bone {
      block-size: 1rem;
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }
    .bone.wide {
      block-size: 2rem;
      inline-size: 40%;
    }
    @media (prefers-reduced-motion: no-preference) {
      .bone {
        animation: pulse 1.4s ease-in-out infinite;
      }
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
  `,
];
