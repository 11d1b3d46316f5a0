/** @module Registers `<prm-tier-progress>` (imported by `../define.ts`). */
import { define } from '../shared/define.js';
import { PrmTierProgress } from './prm-tier-progress.js';

define('prm-tier-progress', PrmTierProgress);
