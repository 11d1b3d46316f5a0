/**
 * @module The Salesforce static resource `prmWidgets` (`npm run build:salesforce`): every element
 * in one classic script, as `loadScript` wants it, with closed shadow roots (Lightning Web
 * Security requires them) and no Teams code. It sets `window.prmWidgets` for the LWC bridge
 * (`c/prmBridge`), which builds a client whose transport is the Apex proxy.
 */
import { setShadowRootMode } from '../../widgets/shared/prm-element.js';
import '../../widgets/define.js';

declare const __PRM_SHADOW_ROOT_MODE__: ShadowRootMode | undefined;

// Before any element renders: the mode applies to roots attached after the call.
setShadowRootMode(
  typeof __PRM_SHADOW_ROOT_MODE__ === 'string' ? __PRM_SHADOW_ROOT_MODE__ : 'closed',
);

export { createPartnerClient } from '../../core/client.js';
export { getShadowRootMode } from '../../widgets/shared/prm-element.js';
export { version } from '../web/version.js';
