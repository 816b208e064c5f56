import { catalogueEndpoints } from "./network-catalogue";
import { currencyEndpoints } from "./network-currencies";
import { customFieldEndpoints } from "./network-custom-fields";
import { organisationEndpoints } from "./network-organisations";

/** The business network (D2) over REST: organisations and terminals, catalogue, currencies, custom fields. */
export const networkEndpoints = [...organisationEndpoints, ...catalogueEndpoints, ...currencyEndpoints, ...customFieldEndpoints];
