/**
 * The one JSON text of a value that both the browser and the CLI hash and sign: object keys
 * sorted by UTF-16 code units, no whitespace, numbers and strings as `JSON.stringify` writes
 * them (the same rules as RFC 8785 for the values we use). Undefined object fields are left
 * out, as `JSON.stringify` does; anything JSON cannot carry is an error, never silently dropped.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`số ${value} không ghi được bằng JSON`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value
          .map((item: unknown) => {
            if (item === undefined) throw new TypeError('mảng có phần tử undefined');
            return canonicalJson(item);
          })
          .join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`kiểu ${typeof value} không ghi được bằng JSON`);
  }
}
