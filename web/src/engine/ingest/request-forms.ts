/**
 * Pure: the parts of server requests that need reading into a form — MCP elicitation schemas (flat
 * ones become form fields) and requested permission profiles (lines for people, a grant for codex).
 */
import type { ElicitationField, ElicitationForm, JsonObject, PermissionLine } from '../../../../protocol/projections.ts';
import { asObj, isObj, json, jsonObj, optArr, optBool, optObj, optStr, prettyJson, str, strArr, type Obj } from './read.ts';

function enumOptions(schema: Obj): { value: string; label: string }[] | null {
  if (Array.isArray(schema['enum'])) {
    const values = strArr(schema, 'enum');
    const names = Array.isArray(schema['enumNames']) ? strArr(schema, 'enumNames') : [];
    return values.map((value, i) => ({ value, label: names[i] ?? value }));
  }
  const titled = Array.isArray(schema['oneOf']) ? schema['oneOf'] : Array.isArray(schema['anyOf']) ? schema['anyOf'] : null;
  if (titled === null) return null;
  return titled.map((o, i) => {
    const opt = asObj(o, `option ${i}`);
    return { value: str(opt, 'const'), label: optStr(opt, 'title') ?? str(opt, 'const') };
  });
}

/** One property of a flat schema as a field, or null when it is not a kind of field we render. */
function field(name: string, schema: Obj, required: boolean): ElicitationField | null {
  const base = { name, title: optStr(schema, 'title') ?? name, description: optStr(schema, 'description'), required };
  const num = (k: string): number | null => (typeof schema[k] === 'number' ? schema[k] : null);
  switch (schema['type']) {
    case 'string': {
      const options = enumOptions(schema);
      const dflt = optStr(schema, 'default');
      if (options !== null) return { ...base, type: 'enum', multiple: false, options, defaultValue: dflt === null ? [] : [dflt] };
      return { ...base, type: 'string', format: optStr(schema, 'format'), defaultValue: dflt };
    }
    case 'number':
    case 'integer':
      return { ...base, type: schema['type'], minimum: num('minimum'), maximum: num('maximum'), defaultValue: num('default') };
    case 'boolean':
      return { ...base, type: 'boolean', defaultValue: optBool(schema, 'default') };
    case 'array': {
      const items = optObj(schema, 'items');
      const options = items === null ? null : enumOptions(items);
      if (options === null) return null;
      return { ...base, type: 'enum', multiple: true, options, defaultValue: strArr(schema, 'default') };
    }
    default:
      return null;
  }
}

/** A flat object schema as fields; null when any property is nested or of a kind we cannot render. */
export function flatFields(schema: unknown): ElicitationField[] | null {
  if (!isObj(schema) || (schema['type'] !== undefined && schema['type'] !== 'object')) return null;
  const props = schema['properties'] === undefined ? {} : schema['properties'];
  if (!isObj(props)) return null;
  const required = Array.isArray(schema['required']) ? strArr(schema, 'required') : [];
  const fields: ElicitationField[] = [];
  for (const [name, p] of Object.entries(props)) {
    const f = isObj(p) ? field(name, p, required.includes(name)) : null;
    if (f === null) return null;
    fields.push(f);
  }
  return fields;
}

/** What an `mcpServer/elicitation/request` asks for, by its mode and `_meta`. */
export function elicitationForm(p: Obj): ElicitationForm {
  const mode = str(p, 'mode');
  const meta = optObj(p, '_meta');
  if (meta !== null && meta['codex_approval_kind'] === 'mcp_tool_call') {
    const toolName = optStr(meta, 'tool_name') ?? optStr(meta, 'tool_title') ?? '';
    return { mode: 'toolApproval', toolName, toolParams: prettyJson(json(meta['tool_params'] ?? {}, 'tool_params')) };
  }
  if (mode === 'url') return { mode: 'url', url: str(p, 'url') };
  const schema = json(p['requestedSchema'] ?? null, 'requestedSchema');
  const fields = flatFields(schema);
  return fields === null ? { mode: 'unsupported', schema: prettyJson(schema) } : { mode: 'form', fields };
}

function pathText(v: unknown, i: number): string {
  const path = asObj(v, `entries[${i}].path`);
  switch (str(path, 'type')) {
    case 'path':
      return str(path, 'path');
    case 'glob_pattern':
      return str(path, 'pattern');
    default: {
      const special = optObj(path, 'value');
      return special === null ? 'a special location' : `the ${optStr(special, 'kind') ?? 'special'} location`;
    }
  }
}

/** The requested permission profile as lines for people, and as the grant codex gets back. */
export function permissionRequest(profile: Obj): { lines: PermissionLine[]; requested: JsonObject } {
  const lines: PermissionLine[] = [];
  const requested: JsonObject = {};
  const network = optObj(profile, 'network');
  if (network !== null) {
    requested['network'] = jsonObj(network, 'network');
    if (optBool(network, 'enabled') === true) lines.push({ access: 'network', target: 'network access' });
  }
  const fs = optObj(profile, 'fileSystem');
  if (fs !== null) {
    requested['fileSystem'] = jsonObj(fs, 'fileSystem');
    for (const target of strArr(fs, 'read')) lines.push({ access: 'read', target });
    for (const target of strArr(fs, 'write')) lines.push({ access: 'write', target });
    optArr(fs, 'entries').forEach((e, i) => {
      const entry = asObj(e, `entries[${i}]`);
      const access = str(entry, 'access');
      if (access === 'read' || access === 'write' || access === 'deny') lines.push({ access, target: pathText(entry['path'], i) });
    });
  }
  // `write` and `entries` often name the same path (codex sends both forms): say it once.
  const unique = lines.filter((l, i) => lines.findIndex((o) => o.access === l.access && o.target === l.target) === i);
  return { lines: unique, requested };
}
