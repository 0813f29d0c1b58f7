import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_KEYS } from '../../config/env';
import { clusterProcessEnv, PROCESS_ENTRIES } from '../../runtime/cluster-env';
import { TEMPORAL_CONFIG_DIR, TEMPORAL_CONFIG_ENV, temporalServerEnv } from '../../temporal/cluster-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const composeText = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
// `merge: true`: docker compose honours `<<:` merge keys; YAML 1.2 core does not by default.
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, { environment?: Record<string, string | number> | string[]; command?: unknown; entrypoint?: unknown; volumes?: string[]; image?: string }>;
  volumes?: Record<string, unknown>;
};

/** A service's environment as name → raw value, whichever of the two compose forms it uses. */
function envOf(name: string): Record<string, string> {
  const env = compose.services[name]?.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => {
      const i = entry.indexOf('=');
      return i < 0 ? [entry, ''] : [entry.slice(0, i), entry.slice(i + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

const APP_SERVICES = ['api', 'worker', 'dispatcher'] as const;
const REQUIRED_SECRETS = ['JWT_SECRET', 'PAYMENT_WEBHOOK_SECRET', 'MOTCUA_ADMIN_PASSWORD', 'PUBLIC_BASE_URL'] as const;

describe('docker-compose.yml', () => {
  it('has the services of the production stack', () => {
    for (const s of ['postgresql', 'temporal-admin-tools', 'temporal', 'temporal-ui', 'api', 'worker', 'dispatcher']) {
      expect(compose.services, s).toHaveProperty(s);
    }
  });

  it.each(APP_SERVICES)('%s only sets variables that config/env.ts reads', (service) => {
    const names = Object.keys(envOf(service));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(ENV_KEYS as readonly string[], `${service}: ${name}`).toContain(name);
  });

  it.each(APP_SERVICES)('%s takes its secrets from required ${VAR:?...} variables', (service) => {
    const env = envOf(service);
    for (const key of REQUIRED_SECRETS) {
      expect(env[key], `${service}: ${key}`).toMatch(new RegExp(`^\\$\\{${key}:\\?[^}]*\\}$`));
    }
    // The database password is embedded in DATABASE_URL and required the same way.
    expect(env.DATABASE_URL).toMatch(/\$\{POSTGRES_PASSWORD:\?[^}]*\}/);
  });

  it.each(APP_SERVICES)('%s runs with NODE_ENV=production', (service) => {
    expect(envOf(service).NODE_ENV).toBe('production');
  });

  it.each(APP_SERVICES)('%s points TEMPORAL_ADDRESS at the temporal service', (service) => {
    const address = envOf(service).TEMPORAL_ADDRESS ?? '';
    const [host, port] = address.split(':');
    expect(host).toBe('temporal');
    expect(port).toBe('7233');
    expect(compose.services).toHaveProperty(host!);
  });

  it('runs scripts that exist', () => {
    for (const service of APP_SERVICES) {
      const command = compose.services[service]?.command;
      expect(Array.isArray(command), service).toBe(true);
      const script = (command as string[]).find((part) => part.endsWith('.ts'));
      expect(script, service).toBeDefined();
      expect(existsSync(path.join(root, script!)), `${service}: ${script}`).toBe(true);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');

  it('CMD starts an existing entry file', () => {
    const line = dockerfile.split('\n').find((l) => /^CMD\s/.test(l));
    expect(line).toBeDefined();
    const args = JSON.parse(line!.replace(/^CMD\s+/, '')) as string[];
    const script = args.find((a) => a.endsWith('.ts'));
    expect(script).toBeDefined();
    expect(existsSync(path.join(root, script!))).toBe(true);
  });

  it('does not run as root', () => {
    const users = dockerfile.split('\n').filter((l) => /^USER\s/.test(l));
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)\b/);
  });
});

/** Issue 14 §4: docker-compose.yml and `npm run cluster` are one production shape. */
describe('docker-compose.yml and npm run cluster', () => {
  const configFile = path.join(root, TEMPORAL_CONFIG_DIR, `${TEMPORAL_CONFIG_ENV}.yaml`);
  const configText = readFileSync(configFile, 'utf8');
  /** The variables the committed Temporal config reads, and those it has no default for. */
  const read = new Set([...configText.matchAll(/env "([A-Z0-9_]+)"/g)].map((m) => m[1]!));
  const required = [...read].filter((name) => !new RegExp(`env "${name}" \\| default`).test(configText));
  const rehearsal = temporalServerEnv({ host: 'h', port: 5432, user: 'u', password: 'p', db: 'd', visibilityDb: 'v' }, {
    frontend: 1, frontendHttp: 2, frontendMembership: 3, history: 4, historyMembership: 5, matching: 6, matchingMembership: 7, worker: 8, workerMembership: 9,
  }, 4);

  it('runs the one committed Temporal config file in the temporal service', () => {
    const temporal = compose.services.temporal!;
    const mount = (temporal.volumes ?? []).find((v) => v.startsWith(`./${TEMPORAL_CONFIG_DIR}:`));
    expect(mount, 'temporal mounts temporal/config').toBeDefined();
    const inContainer = mount!.split(':')[1]!;
    const args = temporal.command as string[];
    expect(`/${args[args.indexOf('--config') + 1]}`).toBe(inContainer);
    expect(args[args.indexOf('--env') + 1]).toBe(TEMPORAL_CONFIG_ENV);
    expect(configText).toMatch(/^# enable-template/);
  });

  it('gives the Temporal server the variables the config reads, under the same names in both', () => {
    const composeNames = Object.keys(envOf('temporal'));
    for (const name of composeNames) expect([...read], `compose temporal: ${name}`).toContain(name);
    for (const name of Object.keys(rehearsal)) expect([...read], `npm run cluster: ${name}`).toContain(name);
    for (const name of required) {
      expect(composeNames, `compose sets ${name}`).toContain(name);
      expect(Object.keys(rehearsal), `npm run cluster sets ${name}`).toContain(name);
    }
    // Where the databases are: named the same on both sides.
    for (const name of ['POSTGRES_SEEDS', 'DB_PORT', 'POSTGRES_USER', 'POSTGRES_PWD', 'DBNAME', 'VISIBILITY_DBNAME', 'NUM_HISTORY_SHARDS', 'BIND_ON_IP']) {
      expect(composeNames, name).toContain(name);
      expect(Object.keys(rehearsal), name).toContain(name);
    }
  });

  it('runs each motcua process with the environment names the rehearsal gives it', () => {
    const at = { databaseUrl: 'postgres://x', temporalAddress: 'temporal:7233', namespace: 'default', port: 3000 };
    const serviceOf = { api: 'api', worker: 'worker', dispatcher: 'dispatcher' } as const;
    for (const role of Object.keys(PROCESS_ENTRIES) as (keyof typeof PROCESS_ENTRIES)[]) {
      const want = clusterProcessEnv(role, at);
      const got = envOf(serviceOf[role]);
      for (const [name, value] of Object.entries(want)) {
        expect(ENV_KEYS as readonly string[], name).toContain(name);
        expect(Object.keys(got), `${role}: ${name}`).toContain(name);
        // Same role, same switch: only the dispatcher delivers the outbox.
        if (name === 'OUTBOX_DISPATCHER') expect(got[name], role).toBe(value);
      }
    }
    // The worker and dispatcher services run the rehearsal's entries.
    for (const role of ['worker', 'dispatcher'] as const) {
      expect(compose.services[role]!.command as string[], role).toContain(PROCESS_ENTRIES[role]);
    }
  });

  it('keeps uploads in a volume', () => {
    expect(compose.volumes).toHaveProperty('uploads');
    expect(compose.services.api!.volumes ?? []).toContain('uploads:/app/.data');
  });
});
