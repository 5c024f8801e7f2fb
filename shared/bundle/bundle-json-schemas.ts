import { z } from 'zod';
import { BUNDLE_KINDS } from './bundle-kinds';
import { bundleHeaderSchema } from './bundle-header';
import { payloadBodySchemas, payloadEnvelopeSchema } from './bundle-payloads';

/**
 * JSON Schemas (draft 2020-12, from the zod schemas) for partners writing their own reader. The committed
 * copies in docs/bundle-schemas/ are checked against this function by the test suite.
 */
export function bundleJsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {
    header: z.toJSONSchema(bundleHeaderSchema),
    'payload-envelope': z.toJSONSchema(payloadEnvelopeSchema),
  };
  for (const kind of BUNDLE_KINDS) out[`body-${kind}`] = z.toJSONSchema(payloadBodySchemas[kind]);
  return out;
}
