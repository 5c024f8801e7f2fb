import { z } from 'zod';

/**
 * How a request left this office. `bundle` is recorded by the exchange when a signed bundle is written; the others
 * are recorded by hand when the request went another way (a secure network, post, a courier, handed over).
 */
export const REQUEST_CHANNELS = ['bundle', 'secure-network', 'post', 'courier', 'in-person', 'other'] as const;
export const requestChannelSchema = z.enum(REQUEST_CHANNELS);
export type RequestChannel = z.infer<typeof requestChannelSchema>;

/** The channels a person picks from when the request did not leave as a bundle. */
export const MANUAL_REQUEST_CHANNELS = REQUEST_CHANNELS.filter((c) => c !== 'bundle');
