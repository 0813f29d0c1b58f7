# motcua api + worker image. The same image runs the API (scripts/start.ts: migrates, seeds,
# serves HTTP and also runs a worker) and extra workers (scripts/worker.ts).
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    PORT=3000 \
    MOTCUA_DATA_DIR=/app/.data

WORKDIR /app

# Full `npm ci` on purpose: tsx (the runtime loader) is a devDependency, so --omit=dev would not start.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force

COPY . .

# The back office, the portal and the workflow bundle, built once here (.dockerignore keeps local
# builds out): the app directory is read-only to the `node` user, and workers load the bundle
# (~1 s) instead of bundling at every start (~5 s of CPU), after checking it matches the sources.
RUN npm run build

# Run as the unprivileged `node` user that the base image provides.
RUN mkdir -p /app/.data && chown -R node:node /app/.data
USER node

# 3000: the API (and /metrics); 9464: the worker's Temporal metrics when TEMPORAL_METRICS_ADDRESS is set.
EXPOSE 3000 9464

# No curl in the slim image: Node's own fetch. `npx` is avoided here to keep the probe cheap.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

CMD ["npx", "tsx", "scripts/start.ts"]
