import { css } from 'lit';

/**
 * The forms' styles of `<prm-mdf-balance>` (requesting, claiming with proof, deciding), in the
 * forms' chunk: the element adopts them when the roles that act load it.
 */
export const formStyles = css`
  button.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  button.link {
    border: none;
    background: none;
    text-decoration: underline;
    min-block-size: auto;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .form,
  .decision {
    margin-block-start: var(--_space-3);
    padding: var(--_space-3);
    background: var(--_surface-raised);
    border-radius: var(--_radius);
  }
  .form h4 {
    margin-block-start: 0;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--_space-3);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
    margin-block-end: var(--_space-2);
    min-inline-size: 0;
  }
  label {
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error,
  .form-error {
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }
  .uploads {
    display: grid;
    gap: var(--_space-1);
    margin-block-end: var(--_space-2);
    font-size: var(--_font-size-small);
  }
  .upload {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  progress {
    inline-size: 6rem;
  }
`;
