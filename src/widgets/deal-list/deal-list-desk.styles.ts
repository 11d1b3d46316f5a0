/** @module Styles of the deal desk in `<prm-deal-list>`: counts, decisions, details, review. */
import { css } from 'lit';

export const deskStyles = css`
  label.check {
    flex-direction: row;
    align-items: center;
    min-block-size: 2rem;
  }
  label.check input {
    min-block-size: auto;
  }
  .stats {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-4);
    min-block-size: 2rem;
    align-items: center;
    padding: var(--_space-1) var(--_space-4);
    border-block-end: 1px solid var(--_border);
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  .stats [data-overdue='true'] {
    color: var(--_danger);
    font-weight: 600;
  }
  .bone.stat {
    display: inline-block;
    inline-size: 5rem;
    vertical-align: middle;
  }
  .decision {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
    font-size: var(--_font-size-small);
  }
  .decision .reason {
    font-weight: 600;
  }
  .decision .comment {
    color: var(--_text);
    font-style: italic;
  }
  .details,
  .decide {
    grid-column: 1 / -1;
    cursor: default;
  }
  .details {
    display: grid;
    gap: var(--_space-2);
    padding-block-start: var(--_space-2);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--_space-2) var(--_space-4);
    margin: 0;
  }
  .facts dt {
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  h4 {
    margin: var(--_space-2) 0 var(--_space-1);
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  .conflicts ul,
  .history ol {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
  .conflicts li,
  .history li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
    align-items: baseline;
  }
  .history time {
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }
  .assign,
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
    align-items: end;
    padding-block-start: var(--_space-2);
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }
  select[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  [part~='row'][data-overdue] {
    box-shadow: inset 4px 0 0 var(--_danger);
  }
`;
