# The verification service (`carbon-passport serve`) as a container image. Not built in CI.
#
#   docker build -t carbon-passport .
#   docker run --read-only -p 8080:8080 -v "$PWD/trust:/trust:ro" carbon-passport \
#     node dist/bundle/cli.js serve --host 0.0.0.0 --port 8080 --did-document /trust/issuer.did.json
#
# Stateless and read-only-filesystem friendly: nothing is written at run time (logs go to stderr).
# DID documents, status lists and an issuing key are mounted read-only and read once at start-up.

# Production dependencies only.
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY tools/api-docs/package.json tools/api-docs/package.json
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# The build: every dependency (TypeScript), then dist/.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY tools/api-docs/package.json tools/api-docs/package.json
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
# The build's last steps: the schema validators precompiled into dist/schema/validators/, and the
# CLI and worker bundled into dist/bundle/.
COPY scripts/build-validators.ts scripts/bundle-cli.ts scripts/
COPY contexts contexts
COPY schemas schemas
COPY factor-sets factor-sets
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules node_modules
COPY --from=build --chown=root:root /app/dist dist
COPY --chown=root:root package.json ./
COPY --chown=root:root contexts contexts
COPY --chown=root:root schemas schemas
COPY --chown=root:root factor-sets factor-sets
# Files owned by root and not writable by the process: it runs as the unprivileged `node` user.
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/bundle/cli.js", "serve", "--host", "0.0.0.0", "--port", "8080"]
