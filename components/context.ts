/**
 * What <cam-provider> gives its subtree: the services (`access`, `parties`, `definitions`) and
 * nothing else. Elements never construct a client or open a database themselves, and never reach
 * the backend except through these services (see docs/architecture.md).
 */
import { createContext } from '@lit/context';
import type { CamServices } from '../src/index.js';

export type { CamServices };

export const camServicesContext = createContext<CamServices | undefined>(Symbol('cam-services'));
