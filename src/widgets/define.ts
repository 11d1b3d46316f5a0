/**
 * @module Registers every prm-widgets element: the one side-effect entry
 * (`import 'prm-widgets/define'`, or the `<script type="module">` build).
 */
import { define } from './shared/define.js';
import { PrmProvider } from './provider/prm-provider.js';
import { PrmDealList } from './deal-list/prm-deal-list.js';
import { PrmDealRegistration } from './deal-registration/prm-deal-registration.js';
import { PrmTierProgress } from './tier-progress/prm-tier-progress.js';
import { PrmContentFinder } from './content-finder/prm-content-finder.js';
import { PrmMdfBalance } from './mdf-balance/prm-mdf-balance.js';

define('prm-provider', PrmProvider);
define('prm-deal-list', PrmDealList);
define('prm-deal-registration', PrmDealRegistration);
define('prm-tier-progress', PrmTierProgress);
define('prm-content-finder', PrmContentFinder);
define('prm-mdf-balance', PrmMdfBalance);
