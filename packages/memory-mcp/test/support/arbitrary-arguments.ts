import fc from 'fast-check';

/** The parts of JSON Schema that the SDK generates for our zod inputs. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

const anyJson = fc.jsonValue({ maxDepth: 2 });

/** `unusual` about one time in ten, `usual` otherwise (first, as fast-check favours the first in nested values). */
function rarely<Unusual, Usual>(unusual: fc.Arbitrary<Unusual>, usual: fc.Arbitrary<Usual>) {
  return fc.oneof({ weight: 9, arbitrary: usual }, { weight: 1, arbitrary: unusual });
}

/**
 * Arguments for a tool, derived from its advertised input schema: mostly plausible values (right type, ids that
 * exist, enum members, numbers around the bounds) so calls reach the memory, mixed with arbitrary JSON, missing
 * keys and unknown keys so validation is exercised too.
 */
export function argumentsFor(
  schema: JsonSchema,
  knownIds: readonly string[],
): fc.Arbitrary<Record<string, unknown>> {
  const value = (property: JsonSchema): fc.Arbitrary<unknown> => rarely(anyJson, plausible(property));

  const plausible = (property: JsonSchema): fc.Arbitrary<unknown> => {
    if (property.enum) return fc.constantFrom(...property.enum);
    if (property.anyOf) return fc.oneof(...property.anyOf.map(plausible));
    switch (property.type) {
      case 'string':
        return property.format === 'uuid'
          ? fc.oneof(fc.constantFrom(...knownIds), fc.uuid())
          : rarely(
              fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', ' ', 'Fix it')),
              fc.constantFrom('retry', 'web-api', 'bash_tool'),
            );
      case 'integer':
        return fc.integer({ min: property.minimum ?? -5, max: Math.min(property.maximum ?? 100, 300) });
      case 'number':
        return fc.double({
          min: property.minimum ?? -1,
          max: Math.min(property.maximum ?? 1e6, 1e6),
          noNaN: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(value(property.items ?? {}), { maxLength: 3 });
      case 'object':
        return property.properties
          ? objectOf(property)
          : fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 });
      default:
        return anyJson;
    }
  };

  const objectOf = (object: JsonSchema): fc.Arbitrary<Record<string, unknown>> => {
    const properties = object.properties ?? {};
    const required = new Set(object.required ?? []);
    // Required keys are left out now and then; optional ones come and go; an unknown key is added now and then.
    const record = fc.record(
      Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [
          name,
          required.has(name) ? rarely(fc.constant(undefined), value(property)) : value(property),
        ]),
      ),
      { requiredKeys: [...required] },
    );
    const unknownKey = rarely(
      fc.tuple(fc.constantFrom('outcome', 'episodeId', 'x'), anyJson),
      fc.constant(null),
    );
    return fc.tuple(record, unknownKey).map(([known, extra]) => {
      const args: Record<string, unknown> = Object.fromEntries(
        Object.entries(known).filter(([, present]) => present !== undefined),
      );
      if (extra) args[extra[0]] = extra[1];
      return args;
    });
  };

  return objectOf(schema);
}
