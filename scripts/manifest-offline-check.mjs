/**
 * Offline check of an Office Add-in XML manifest, used when Microsoft's online validation service cannot be
 * reached. It is not the official XSD: it checks well-formedness and the rules this add-in can get wrong
 * (element order, ids, resource references and kinds, https URLs, string lengths, shared-runtime wiring).
 * Returns a list of problems; an empty list means the manifest passed.
 */

/** Parses XML into { name, attrs, children, text, line } elements; throws Error naming the line on bad XML. */
export function parseXml(source) {
  const lineAt = (index) => source.slice(0, index).split('\n').length;
  const doc = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack = [doc];
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|</g;
  for (const m of source.matchAll(token)) {
    const [whole, cdata, closing, opening, attrText, selfClosing, text] = m;
    const line = lineAt(m.index);
    const top = stack[stack.length - 1];
    if (whole.startsWith('<!--') || whole.startsWith('<?')) continue;
    if (cdata !== undefined) top.text += cdata;
    else if (closing) {
      if (top.name !== closing) throw new Error(`line ${line}: </${closing}> closes <${top.name}>`);
      stack.pop();
    } else if (opening) {
      const attrs = {};
      for (const [, name, value] of attrText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (name in attrs) throw new Error(`line ${line}: duplicate attribute ${name} on <${opening}>`);
        attrs[name] = decodeEntities(value ?? '', line);
      }
      const element = { name: opening, attrs, children: [], text: '', line };
      if (top === doc && doc.children.length > 0) throw new Error(`line ${line}: more than one root element`);
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (text !== undefined) {
      if (top === doc && text.trim()) throw new Error(`line ${line}: text outside the root element`);
      top.text += decodeEntities(text, line);
    } else throw new Error(`line ${line}: malformed markup near "${source.slice(m.index, m.index + 30)}"`);
  }
  if (stack.length > 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (doc.children.length !== 1) throw new Error('no root element');
  return doc.children[0];
}

function decodeEntities(text, line) {
  const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&([^;\s]*);?/g, (whole, name) => {
    if (!whole.endsWith(';')) throw new Error(`line ${line}: bare "&" (write &amp;)`);
    if (name in named) return named[name];
    const code = /^#x([0-9a-f]+)$/i.exec(name) ?? /^#(\d+)$/.exec(name);
    if (!code) throw new Error(`line ${line}: unknown entity &${name};`);
    return String.fromCodePoint(parseInt(code[1], name[1] === 'x' || name[1] === 'X' ? 16 : 10));
  });
}

const walk = (el, visit) => {
  visit(el);
  el.children.forEach((child) => walk(child, visit));
};

// Children of <OfficeApp> for a TaskPaneApp, in the order the schema's xs:sequence requires.
const TOP_LEVEL = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
  'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings',
  'Permissions', 'VersionOverrides'];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'SupportUrl', 'DefaultSettings', 'Permissions'];
const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];
// Resource group a resid must live in, by the element that uses it; max lengths from the schema.
const KIND_OF_USER = { 'bt:Image': 'bt:Images', SourceLocation: 'bt:Urls', Runtime: 'bt:Urls', FunctionFile: 'bt:Urls',
  LearnMoreUrl: 'bt:Urls', Label: 'bt:ShortStrings', Title: 'bt:ShortStrings', Namespace: 'bt:ShortStrings',
  Description: 'bt:LongStrings' };
const MAX_LENGTH = { 'bt:ShortStrings': 125, 'bt:LongStrings': 250, 'bt:Urls': 2048, 'bt:Images': 2048 };

export function checkManifest(source) {
  let root;
  try {
    root = parseXml(source);
  } catch (error) {
    return [`not well-formed XML: ${error.message}`];
  }
  const problems = [];
  const problem = (line, text) => problems.push(`line ${line}: ${text}`);

  if (root.name !== 'OfficeApp') return [`root element is <${root.name}>, expected <OfficeApp>`];
  if (root.attrs.xmlns !== 'http://schemas.microsoft.com/office/appforoffice/1.1') problem(root.line, 'OfficeApp xmlns must be the appforoffice/1.1 namespace');
  if (root.attrs['xsi:type'] !== 'TaskPaneApp') problem(root.line, 'OfficeApp xsi:type must be TaskPaneApp');

  // Report only the first element out of order: after one misplaced element every later one looks wrong too.
  let previous;
  for (const child of root.children) {
    const at = TOP_LEVEL.indexOf(child.name);
    if (at < 0) problem(child.line, `<${child.name}> is not allowed in <OfficeApp>`);
    else if (previous && at <= TOP_LEVEL.indexOf(previous.name)) {
      problem(child.line, `<${child.name}> comes after <${previous.name}>; expected order: ${TOP_LEVEL.join(', ')}`);
      break;
    } else previous = child;
  }
  const top = (name) => root.children.find((c) => c.name === name);
  for (const name of REQUIRED) if (!top(name)) problem(root.line, `<${name}> is missing`);
  const id = top('Id');
  if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.text.trim())) problem(id.line, '<Id> must be a GUID');
  const version = top('Version');
  if (version && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version.text.trim())) problem(version.line, '<Version> must look like 1.0.0.0');
  const permissions = top('Permissions');
  if (permissions && !PERMISSIONS.includes(permissions.text.trim())) problem(permissions.line, `<Permissions> must be one of ${PERMISSIONS.join(', ')}`);

  // Resources: unique ids, lengths, and the group each id lives in.
  const resources = new Map();
  walk(root, (el) => {
    if (!(el.name in MAX_LENGTH)) return;
    for (const item of el.children) {
      const rid = item.attrs.id;
      const value = item.attrs.DefaultValue ?? '';
      if (!rid) problem(item.line, `<${item.name}> in <${el.name}> has no id`);
      else if (resources.has(rid)) problem(item.line, `resource id "${rid}" is defined twice`);
      else resources.set(rid, { kind: el.name, value });
      if (value.length > MAX_LENGTH[el.name]) problem(item.line, `"${rid}" is longer than ${MAX_LENGTH[el.name]} characters`);
    }
  });

  // Every resid resolves, to the right kind of resource; every URL is https.
  const controlIds = new Set();
  walk(root, (el) => {
    const resid = el.attrs.resid;
    if (resid !== undefined) {
      const resource = resources.get(resid);
      const expected = KIND_OF_USER[el.name];
      if (!resource) problem(el.line, `resid "${resid}" on <${el.name}> is not defined in <Resources>`);
      else if (expected && resource.kind !== expected) problem(el.line, `resid "${resid}" on <${el.name}> must be in <${expected}>, not <${resource.kind}>`);
    }
    const url = el.attrs.DefaultValue;
    if (url && /Url$|^SourceLocation$|^bt:(Url|Image)$/.test(el.name) && !url.startsWith('https://')) problem(el.line, `${el.name} "${url}" must use https`);
    if (['Group', 'Control'].includes(el.name) && el.attrs.id) {
      if (controlIds.has(el.attrs.id)) problem(el.line, `control id "${el.attrs.id}" is used twice`);
      controlIds.add(el.attrs.id);
    }
  });

  // Shared runtime: functions page, function file and task panes must all load the runtime's URL.
  const runtimes = [];
  walk(root, (el) => el.name === 'Runtime' && runtimes.push(el));
  const longRuntime = runtimes.find((r) => r.attrs.lifetime === 'long');
  if (longRuntime) {
    const runtimeUrl = longRuntime.attrs.resid;
    walk(root, (el) => {
      const type = el.attrs['xsi:type'];
      const users =
        type === 'CustomFunctions' ? el.children.filter((c) => c.name === 'Page').flatMap((c) => c.children) :
        type === 'ShowTaskpane' ? el.children.filter((c) => c.name === 'SourceLocation') :
        el.name === 'FunctionFile' ? [el] : [];
      for (const user of users) {
        if (user.attrs.resid !== runtimeUrl) problem(user.line, `shared runtime: ${type ?? el.name} must use resid "${runtimeUrl}", not "${user.attrs.resid}"`);
      }
    });
  }
  return problems;
}
