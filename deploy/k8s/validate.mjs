// Builds the Kustomize output of deploy/k8s without kubectl and validates every object.
//
//   node deploy/k8s/validate.mjs [--tools DIR] [--secrets FILE] [--out FILE] KUSTOMIZATION_DIR...
//
// The loader understands what these kustomizations use and fails on anything else: resources
// (files, and directories with a kustomization.yaml), namespace, labels (pairs, includeTemplates;
// not includeSelectors), images (newName, newTag, digest) and patches (one strategic merge patch
// per file, matched by kind and name). Then, for each kustomization:
//   - every object against the Kubernetes schema (npm kubernetes-models: new Kind(obj).validate())
//     and against the fields the models declare (an unknown or misspelled field fails: the schema
//     alone lets it through);
//   - no Secret in the output, and no Secret with data anywhere under deploy/k8s;
//   - every Deployment container: liveness, readiness and startup probes on the actuator health
//     groups, on a port it declares, resource requests and limits, a non-root security context;
//     the ConfigMaps it reads exist; MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED is "true";
//   - Services, PodDisruptionBudgets, NetworkPolicies select pods that exist; Service target
//     ports and Ingress backends resolve; HorizontalPodAutoscalers scale a Deployment that exists;
//   - with --secrets FILE (lines "SECRET KEY", from create-sandbox-secrets.sh --list): the Secret
//     keys the Deployments reference are exactly the ones that script creates.
// --out FILE writes the (last) built output as YAML for deploy/check-env.py. --tools DIR is where
// kubernetes-models and yaml are installed (default deploy/k8s/.tools; check-k8s.sh installs them).
// Exit 1 on any failure.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const toolsDir = path.resolve(option('--tools') ?? path.join(here, '.tools'));
const secretsFile = option('--secrets');
const outFile = option('--out');
const dirs = args.length ? args : [path.join(here, 'base'), path.join(here, 'overlays/local')];

const modules = path.join(toolsDir, 'node_modules');
const YAML = await import(pathToFileURL(path.join(modules, 'yaml/dist/index.js')).href);

let failures = 0;
const fail = (where, message) => {
  failures++;
  console.log(`FAIL ${where}: ${message}`);
};

// ---------------------------------------------------------------- Kustomize (the subset used) ---

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'PersistentVolume', 'StorageClass', 'IngressClass', 'PriorityClass']);
const KUSTOMIZATION_KEYS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'labels', 'images', 'patches']);
const MERGE_KEYS = { containers: 'name', initContainers: 'name', ephemeralContainers: 'name', env: 'name',
  volumes: 'name', volumeMounts: 'mountPath', imagePullSecrets: 'name' };

function readYamlDocs(file) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
  for (const doc of docs) {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
  }
  return docs.map((doc) => doc.toJS()).filter((obj) => obj !== null && obj !== undefined);
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// strategic merge: maps merge, a null deletes, lists with a merge key merge by it, others are replaced
function merge(base, patch, field) {
  if (isObject(base) && isObject(patch)) {
    const out = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete out[key];
      else out[key] = key in base ? merge(base[key], value, key) : value;
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(patch)) {
    const key = MERGE_KEYS[field] ?? (field === 'ports' && patch.every((p) => 'containerPort' in p) ? 'containerPort' : null);
    if (!key) return patch;
    const out = base.map((item) => ({ ...item }));
    for (const item of patch) {
      const i = out.findIndex((existing) => existing[key] === item[key]);
      if (i >= 0) out[i] = merge(out[i], item, null);
      else out.push(item);
    }
    return out;
  }
  return patch;
}

function podTemplate(obj) {
  return ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(obj.kind) ? obj.spec?.template : undefined;
}

function build(dir, seen = new Set()) {
  const real = fs.realpathSync(dir);
  if (seen.has(real)) throw new Error(`${dir}: kustomization cycle`);
  seen.add(real);
  const file = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const k = readYamlDocs(file)[0] ?? {};
  for (const key of Object.keys(k)) {
    if (!KUSTOMIZATION_KEYS.has(key)) throw new Error(`${file}: "${key}" is not supported by this loader (use: ${[...KUSTOMIZATION_KEYS].join(', ')})`);
  }
  let objects = [];
  for (const entry of k.resources ?? []) {
    const target = path.resolve(dir, entry);
    if (!fs.existsSync(target)) throw new Error(`${file}: resource ${entry} does not exist`);
    objects.push(...(fs.statSync(target).isDirectory() ? build(target, seen) : readYamlDocs(target)));
  }
  const id = (o) => `${o.kind}/${o.metadata?.name}`;
  const ids = new Set();
  for (const o of objects) {
    if (ids.has(id(o))) throw new Error(`${file}: ${id(o)} appears twice`);
    ids.add(id(o));
  }
  for (const entry of k.patches ?? []) {
    if (!entry.path || entry.target || entry.patch) throw new Error(`${file}: only "patches: - path: FILE" is supported`);
    const patchFile = path.resolve(dir, entry.path);
    const docs = readYamlDocs(patchFile);
    if (docs.length !== 1) throw new Error(`${patchFile}: ${docs.length} documents; kustomize's "patches" takes one patch per file`);
    const patch = docs[0];
    const i = objects.findIndex((o) => o.kind === patch.kind && o.metadata?.name === patch.metadata?.name);
    if (i < 0) throw new Error(`${patchFile}: patches ${id(patch)}, which is not among the resources`);
    const { apiVersion, kind, ...rest } = patch;
    if (apiVersion !== objects[i].apiVersion) throw new Error(`${patchFile}: apiVersion ${apiVersion}, the resource has ${objects[i].apiVersion}`);
    objects[i] = merge(objects[i], rest, null);
  }
  if (k.namespace) {
    objects = objects.map((o) => (CLUSTER_SCOPED.has(o.kind) ? o : { ...o, metadata: { ...o.metadata, namespace: k.namespace } }));
  }
  for (const rule of k.labels ?? []) {
    if (rule.includeSelectors) throw new Error(`${file}: labels.includeSelectors is not supported by this loader`);
    for (const o of objects) {
      o.metadata.labels = { ...o.metadata.labels, ...rule.pairs };
      const template = rule.includeTemplates ? podTemplate(o) : undefined;
      if (template) template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, ...rule.pairs } };
    }
  }
  for (const image of k.images ?? []) {
    let used = false;
    for (const o of objects) {
      const spec = podTemplate(o)?.spec;
      for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
        const m = c.image.match(/^(.+?)(?::([^:/@]+))?(?:@(.+))?$/);
        if (m[1] !== image.name) continue;
        used = true;
        const tail = image.digest ? `@${image.digest}` : image.newTag ? `:${image.newTag}`
          : m[3] ? `@${m[3]}` : m[2] ? `:${m[2]}` : '';
        c.image = (image.newName ?? m[1]) + tail;
      }
    }
    if (!used) throw new Error(`${file}: images: ${image.name} is used by no container`);
  }
  return objects;
}

// ------------------------------------------------- the fields kubernetes-models declares (d.ts) ---

const interfaces = new Map();

function declaration(file) {
  if (interfaces.has(file)) return interfaces.get(file);
  let result = null;
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const imports = new Map();
    for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
      const spec = m[2];
      const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec.replace(/\.js$/, '') + '.d.ts')
        : path.join(modules, spec.replace(/\.js$/, '') + '.d.ts');
      imports.set(m[1], target);
    }
    const head = text.match(/export interface \w+(?: extends ([\w, ]+))? \{/);
    if (head) {
      let depth = 1;
      let i = head.index + head[0].length;
      const start = i;
      for (; i < text.length && depth; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}') depth--;
      }
      const body = text.slice(start, i - 1);
      const props = new Map();
      if ((head[1] ?? '').includes('TypeMeta')) {
        props.set('apiVersion', 'string');
        props.set('kind', 'string');
      }
      let member = '';
      let level = 0;
      for (const ch of body) {
        if (ch === '{' || ch === '<' || ch === '(') level++;
        if (ch === '}' || ch === '>' || ch === ')') level--;
        if (ch === ';' && level === 0) {
          const m = member.trim().match(/^"?([\w$.-]+)"?\??:\s*([\s\S]+)$/);
          if (m) props.set(m[1], m[2].trim());
          member = '';
        } else {
          member += ch;
        }
      }
      result = { props, imports };
    }
  }
  interfaces.set(file, result);
  return result;
}

function unknownFields(value, type, decl, where, out) {
  type = type.trim();
  const array = type.match(/^Array<([\s\S]+)>$/);
  if (array) {
    if (Array.isArray(value)) value.forEach((v, i) => unknownFields(v, array[1], decl, `${where}[${i}]`, out));
    return;
  }
  const map = type.match(/^\{\s*\[key: string\]: ([\s\S]+?);?\s*\}$/);
  if (map) {
    if (isObject(value)) for (const [k, v] of Object.entries(value)) unknownFields(v, map[1], decl, `${where}.${k}`, out);
    return;
  }
  const file = decl?.imports.get(type);
  const target = file ? declaration(file) : null;
  if (!target || !isObject(value)) return; // a primitive, a union, a quantity or int-or-string
  for (const [k, v] of Object.entries(value)) {
    if (!target.props.has(k)) out.push(`${where}.${k}`);
    else unknownFields(v, target.props.get(k), target, `${where}.${k}`, out);
  }
}

// ------------------------------------------------------------------------------ the checks ---

async function model(obj) {
  // apps/v1 -> kubernetes-models/apps/v1/Deployment, v1 -> kubernetes-models/v1/Service
  const base = path.join(modules, 'kubernetes-models', obj.apiVersion, obj.kind);
  if (!fs.existsSync(`${base}.js`)) return null;
  const module = await import(pathToFileURL(`${base}.js`).href);
  return { Model: module[obj.kind], dts: `${base}.d.ts` };
}

const selects = (selector, labels) => selector && Object.entries(selector).every(([k, v]) => labels?.[k] === v);
const matches = (labelSelector, labels) => {
  if (!labelSelector) return false;
  if (!selects(labelSelector.matchLabels ?? {}, labels ?? {})) return false;
  for (const e of labelSelector.matchExpressions ?? []) {
    const value = labels?.[e.key];
    if (e.operator === 'In' && !e.values.includes(value)) return false;
    if (e.operator === 'NotIn' && e.values.includes(value)) return false;
    if (e.operator === 'Exists' && value === undefined) return false;
    if (e.operator === 'DoesNotExist' && value !== undefined) return false;
  }
  return true;
};

async function validate(dir) {
  const name = path.relative(process.cwd(), dir) || dir;
  let objects;
  try {
    objects = build(dir);
  } catch (e) {
    fail(name, `cannot build: ${e.message}`);
    return [];
  }
  console.log(`== ${name}: ${objects.length} objects`);
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const deployments = byKind('Deployment');
  const configMaps = new Map(byKind('ConfigMap').map((o) => [o.metadata.name, o]));
  const services = new Map(byKind('Service').map((o) => [o.metadata.name, o]));
  const podLabels = deployments.map((d) => d.spec.template.metadata?.labels ?? {});
  const secretRefs = new Map();

  for (const obj of objects) {
    const where = `${name} ${obj.kind}/${obj.metadata?.name}`;
    const found = await model(obj);
    if (!found) {
      fail(where, `no Kubernetes model for ${obj.apiVersion} ${obj.kind}`);
      continue;
    }
    try {
      new found.Model(obj).validate();
    } catch (e) {
      fail(where, `schema: ${e.message}`);
    }
    const unknown = [];
    unknownFields(obj, 'Self', { imports: new Map([['Self', found.dts]]) }, '', unknown);
    for (const field of unknown) fail(where, `unknown field ${field.slice(1)}`);
    if (obj.kind === 'Secret') fail(where, 'a Secret in the output: Secrets are created out of band, never committed');
  }

  for (const d of deployments) {
    const where = `${name} Deployment/${d.metadata.name}`;
    const spec = d.spec.template.spec;
    if (!selects(d.spec.selector?.matchLabels, d.spec.template.metadata?.labels)) fail(where, 'the selector does not select its own pods');
    if (spec.securityContext?.runAsNonRoot !== true) fail(where, 'pod securityContext.runAsNonRoot is not true');
    for (const c of spec.containers) {
      const cw = `${where} container ${c.name}`;
      const ports = new Set((c.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
      for (const [probe, group] of [['livenessProbe', 'liveness'], ['readinessProbe', 'readiness'], ['startupProbe', 'liveness']]) {
        const get = c[probe]?.httpGet;
        if (!get) fail(cw, `no ${probe} (httpGet)`);
        else {
          if (get.path !== `/actuator/health/${group}`) fail(cw, `${probe} on ${get.path}, expected /actuator/health/${group}`);
          if (!ports.has(get.port)) fail(cw, `${probe} on port ${get.port}, which the container does not declare`);
        }
      }
      for (const part of ['requests', 'limits']) {
        for (const resource of ['cpu', 'memory']) {
          if (c.resources?.[part]?.[resource] === undefined) fail(cw, `no resources.${part}.${resource}`);
        }
      }
      if (c.securityContext?.allowPrivilegeEscalation !== false) fail(cw, 'allowPrivilegeEscalation is not false');
      const env = {};
      for (const source of c.envFrom ?? []) {
        if (source.configMapRef) {
          const cm = configMaps.get(source.configMapRef.name);
          if (!cm) fail(cw, `reads ConfigMap ${source.configMapRef.name}, which is not in the output`);
          else Object.assign(env, cm.data);
        }
        if (source.secretRef) {
          secretRefs.set(`${source.secretRef.name} *`, `${d.metadata.name}`);
        }
      }
      for (const e of c.env ?? []) {
        if (e.valueFrom?.secretKeyRef) secretRefs.set(`${e.valueFrom.secretKeyRef.name} ${e.valueFrom.secretKeyRef.key}`, d.metadata.name);
        else if (e.valueFrom?.configMapKeyRef && !configMaps.get(e.valueFrom.configMapKeyRef.name)?.data?.[e.valueFrom.configMapKeyRef.key]) {
          fail(cw, `env ${e.name} reads ${e.valueFrom.configMapKeyRef.name}/${e.valueFrom.configMapKeyRef.key}, which is not in the output`);
        } else if ('value' in e) env[e.name] = e.value;
      }
      if (env.MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED !== 'true') fail(cw, 'MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED is not "true"');
      const mounts = new Set((c.volumeMounts ?? []).map((m) => m.name));
      for (const m of mounts) if (!(spec.volumes ?? []).some((v) => v.name === m)) fail(cw, `mounts volume ${m}, which the pod does not define`);
    }
  }

  for (const s of services.values()) {
    const where = `${name} Service/${s.metadata.name}`;
    const pods = deployments.filter((d) => selects(s.spec.selector, d.spec.template.metadata?.labels));
    if (pods.length !== 1) fail(where, `selects ${pods.length} Deployments, expected 1`);
    for (const port of s.spec.ports ?? []) {
      const target = port.targetPort ?? port.port;
      const declared = pods.flatMap((d) => d.spec.template.spec.containers.flatMap((c) => c.ports ?? []));
      if (!declared.some((p) => p.name === target || p.containerPort === target)) fail(where, `targetPort ${target} is no container port`);
    }
  }
  for (const ing of byKind('Ingress')) {
    for (const rule of ing.spec.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const backend = p.backend.service;
        const s = services.get(backend?.name);
        const where = `${name} Ingress/${ing.metadata.name} ${p.path}`;
        if (!s) fail(where, `backend Service ${backend?.name} is not in the output`);
        else if (!s.spec.ports.some((sp) => sp.name === backend.port.name || sp.port === backend.port.number)) fail(where, `Service ${s.metadata.name} has no port ${JSON.stringify(backend.port)}`);
      }
    }
  }
  for (const hpa of byKind('HorizontalPodAutoscaler')) {
    const ref = hpa.spec.scaleTargetRef;
    if (ref.kind !== 'Deployment' || !deployments.some((d) => d.metadata.name === ref.name)) fail(`${name} HorizontalPodAutoscaler/${hpa.metadata.name}`, `scales ${ref.kind}/${ref.name}, which is not in the output`);
    if (hpa.spec.minReplicas > hpa.spec.maxReplicas) fail(`${name} HorizontalPodAutoscaler/${hpa.metadata.name}`, 'minReplicas > maxReplicas');
  }
  for (const pdb of byKind('PodDisruptionBudget')) {
    if (!podLabels.some((labels) => matches(pdb.spec.selector, labels))) fail(`${name} PodDisruptionBudget/${pdb.metadata.name}`, 'selects no pods');
  }
  for (const np of byKind('NetworkPolicy')) {
    const selector = np.spec.podSelector;
    const empty = Object.keys(selector.matchLabels ?? {}).length === 0 && !(selector.matchExpressions ?? []).length;
    if (!empty && !podLabels.some((labels) => matches(selector, labels))) fail(`${name} NetworkPolicy/${np.metadata.name}`, 'selects no pods');
    for (const rule of np.spec.ingress ?? []) {
      for (const peer of rule.from ?? []) {
        if (peer.podSelector && !peer.namespaceSelector && !podLabels.some((labels) => matches(peer.podSelector, labels))) {
          fail(`${name} NetworkPolicy/${np.metadata.name}`, `allows traffic from pods ${JSON.stringify(peer.podSelector)}, which match no pods`);
        }
      }
    }
  }
  const secrets = [...new Set([...secretRefs.keys()].map((k) => k.split(' ')[0]))];
  console.log(`     Secrets the Deployments expect (created out of band): ${secrets.join(', ') || 'none'}`);
  return { objects, secretRefs };
}

function committedSecrets(root) {
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const file = path.join(root, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.tools' && entry.name !== 'node_modules') committedSecrets(file);
    } else if (/\.ya?ml$/.test(entry.name)) {
      let docs = [];
      try {
        docs = readYamlDocs(file);
      } catch (e) {
        fail(path.relative(process.cwd(), file), e.message);
      }
      for (const doc of docs) {
        if (doc?.kind === 'Secret' && (doc.data || doc.stringData)) fail(path.relative(process.cwd(), file), `Secret ${doc.metadata?.name} with data: never commit secrets`);
      }
    }
  }
}

committedSecrets(here);
let last;
const expected = new Map();
for (const dir of dirs) {
  const result = await validate(path.resolve(dir));
  if (!result.objects) continue;
  last = result.objects;
  for (const [ref, deployment] of result.secretRefs) expected.set(ref, deployment);
}
if (secretsFile) {
  const created = new Set(fs.readFileSync(secretsFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean));
  for (const [ref, deployment] of expected) {
    if (!created.has(ref)) fail('create-sandbox-secrets.sh', `does not create ${ref.replace(' ', ' key ')} (Deployment ${deployment} reads it)`);
  }
  for (const ref of created) {
    if (!expected.has(ref)) fail('create-sandbox-secrets.sh', `creates ${ref.replace(' ', ' key ')}, which no Deployment reads`);
  }
  if (!failures) console.log(`ok   create-sandbox-secrets.sh creates exactly the ${expected.size} Secret keys the Deployments read`);
}
if (outFile && last) fs.writeFileSync(outFile, last.map((o) => YAML.stringify(o)).join('---\n'));
if (failures) {
  console.log(`validate.mjs: ${failures} problem(s)`);
  process.exit(1);
}
console.log(`ok   every object valid: ${dirs.map((d) => path.relative(process.cwd(), path.resolve(d))).join(', ')}`);
