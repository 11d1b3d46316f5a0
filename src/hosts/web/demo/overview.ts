/** The overview page's script: only the demo bar's language and theme. */
import { mountPreferences } from './demo-preferences.js';

mountPreferences();
