import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_KEYS } from '../../config/env';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const composeText = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
// `merge: true`: docker compose honours `<<:` merge keys; YAML 1.2 core does not by default.
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, { environment?: Record<string, string | number> | string[]; command?: unknown; image?: string }>;
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

const APP_SERVICES = ['api', 'worker'] as const;
const REQUIRED_SECRETS = ['JWT_SECRET', 'PAYMENT_WEBHOOK_SECRET', 'MOTCUA_ADMIN_PASSWORD', 'PUBLIC_BASE_URL'] as const;

describe('docker-compose.yml', () => {
  it('has the six services of the production stack', () => {
    for (const s of ['postgresql', 'temporal-admin-tools', 'temporal', 'temporal-ui', 'api', 'worker']) {
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
