import { describe, it } from 'node:test';
import { expect } from 'chai';
import { formatScenarios } from './scenarios/format.js';

formatScenarios({ describe, it, expect });
