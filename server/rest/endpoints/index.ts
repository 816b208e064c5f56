import type { Endpoint } from "../endpoint";
import { contactEndpoints } from "./contacts";
import { egiftEndpoints } from "./egifts";
import { lotEndpoints } from "./lots";
import { networkEndpoints } from "./network";
import { passActionEndpoints } from "./pass-actions";
import { passPlanEndpoints } from "./pass-plans";
import { passSupportEndpoints } from "./pass-support";
import { walletHoldEndpoints } from "./wallet-holds";
import { walletEndpoints } from "./wallets";

/** Every REST endpoint, for the OpenAPI document; each route file exports its own handlers. */
export const allEndpoints: readonly Endpoint[] = [...contactEndpoints, ...networkEndpoints, ...passPlanEndpoints, ...lotEndpoints, ...egiftEndpoints, ...passActionEndpoints, ...passSupportEndpoints, ...walletEndpoints, ...walletHoldEndpoints];
