import { css } from 'lit';
import type { CSSResultGroup } from 'lit';
import { hostStyles, tokens } from '../shared/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
  hostStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      block-size: var(--prm-content-finder-height, 36rem);
      background: var(--_surface);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
    }
    [part='search'] {
      display: flex;
      align-items: center;
      gap: var(--_space-3);
      padding: var(--_space-3) var(--_space-4);
      background: var(--_surface-raised);
      border-block-end: 1px solid var(--_border);
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
      flex: 1;
      min-inline-size: 0;
      min-block-size: 2.5rem;
      font-size: var(--_font-size-large);
    }
    :focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 1px;
    }
    .count {
      color: var(--_text-muted);
      font-size: var(--_font-size-small);
      white-space: nowrap;
    }
    [part='facets'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2) var(--_space-3);
      padding: var(--_space-2) var(--_space-4);
      border-block-end: 1px solid var(--_border);
    }
    [part='facets'] label {
      display: flex;
      align-items: center;
      gap: var(--_space-1);
      font-size: var(--_font-size-small);
      color: var(--_text-muted);
    }
    .results {
      flex: 1;
      overflow: auto;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part~='row'] {
      display: flex;
      flex-direction: column;
      gap: var(--_space-1);
      padding: var(--_space-3) var(--_space-4);
      border-block-end: 1px solid var(--_border);
      min-block-size: 5.5rem;
      box-sizing: border-box;
    }
    [part~='row']:focus {
      background: var(--_surface-raised);
    }
    .head {
      display: flex;
      align-items: baseline;
      gap: var(--_space-2);
      flex-wrap: wrap;
    }
    .title {
      font-weight: 600;
    }
    .description {
      margin: 0;
      color: var(--_text-muted);
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    mark {
      background: color-mix(in srgb, var(--_accent) 22%, transparent);
      color: inherit;
      border-radius: 2px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-2) var(--_space-3);
      font-size: var(--_font-size-small);
      color: var(--_text-muted);
    }
    .formats {
      display: inline-flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      margin-inline-start: auto;
    }
    [part='format'] {
      font-size: var(--_font-size-small);
      color: var(--_accent);
      border-color: var(--_accent);
      cursor: pointer;
    }
    [part='format'][disabled] {
      cursor: progress;
      opacity: 0.8;
    }
    .failed {
      color: var(--_danger);
      margin-inline-start: var(--_space-1);
    }
    .badge {
      font-size: var(--_font-size-small);
      padding: 0 var(--_space-2);
      border-radius: 999px;
      border: 1px solid currentColor;
    }
    .badge.new {
      color: var(--_success);
    }
    .badge.updated {
      color: var(--_accent);
    }
    .badge.review_due {
      color: var(--_warning);
    }
    .skeleton li span {
      display: block;
      block-size: 0.9rem;
      border-radius: var(--_radius);
      background: var(--_surface-raised);
    }
    .skeleton li span:nth-child(1) {
      inline-size: 45%;
      block-size: 1.1rem;
    }
    .skeleton li span:nth-child(3) {
      inline-size: 30%;
    }
    [part='empty'],
    [part='error'] {
      padding: var(--_space-5) var(--_space-4);
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: var(--_space-2);
    }
    [part='empty'] p,
    [part='error'] p {
      margin: 0;
    }
    .suggestions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
    }
    .suggestion {
      color: var(--_accent);
      cursor: pointer;
    }
    @media (prefers-reduced-motion: no-preference) {
      .skeleton li span {
        animation: pulse 1.2s ease-in-out infinite alternate;
      }
    }
    @keyframes pulse {
      to {
        opacity: 0.5;
      }
    }
  `,
];
