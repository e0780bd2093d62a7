# syntax=docker/dockerfile:1
# Ticketflow: the API serving the built web app, as one image.
# The build stage runs the same npm scripts CI runs (npm ci, then the Nx build
# of the API, which builds the libs and the web app first), so CI proves them.
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true
COPY package.json package-lock.json nx.json tsconfig.json eslint.config.js ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/cli/package.json apps/cli/
COPY apps/e2e/package.json apps/e2e/
COPY apps/bench/package.json apps/bench/
COPY libs/contract/package.json libs/contract/
COPY libs/definition/package.json libs/definition/
COPY libs/rules/package.json libs/rules/
COPY libs/compiler/package.json libs/compiler/
COPY libs/runtime/package.json libs/runtime/
RUN npm ci --no-audit --no-fund
COPY apps ./apps
COPY libs ./libs
COPY workflows ./workflows
RUN npx nx run @ticketflow/api:build --outputStyle=stream

# Only production dependencies of the API and the libs it imports.
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY libs/contract/package.json libs/contract/
COPY libs/definition/package.json libs/definition/
COPY libs/rules/package.json libs/rules/
COPY libs/compiler/package.json libs/compiler/
COPY libs/runtime/package.json libs/runtime/
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts \
      --workspace @ticketflow/api --workspace @ticketflow/contract --workspace @ticketflow/definition \
      --workspace @ticketflow/rules --workspace @ticketflow/compiler --workspace @ticketflow/runtime --include-workspace-root=false

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/data
# Generated PDF documents embed a subset of Noto Sans CJK so Chinese text renders (DOCUMENT_FONT overrides the path).
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=deps --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/apps/api/package.json ./apps/api/
COPY --from=build --chown=node:node /app/apps/api/dist ./apps/api/dist
COPY --from=build --chown=node:node /app/apps/web/dist ./apps/web/dist
COPY --from=build --chown=node:node /app/workflows ./workflows
COPY --from=build --chown=node:node /app/libs/contract/package.json ./libs/contract/
COPY --from=build --chown=node:node /app/libs/contract/dist ./libs/contract/dist
COPY --from=build --chown=node:node /app/libs/definition/package.json ./libs/definition/
COPY --from=build --chown=node:node /app/libs/definition/dist ./libs/definition/dist
COPY --from=build --chown=node:node /app/libs/rules/package.json ./libs/rules/
COPY --from=build --chown=node:node /app/libs/rules/dist ./libs/rules/dist
COPY --from=build --chown=node:node /app/libs/compiler/package.json ./libs/compiler/
COPY --from=build --chown=node:node /app/libs/compiler/dist ./libs/compiler/dist
COPY --from=build --chown=node:node /app/libs/runtime/package.json ./libs/runtime/
COPY --from=build --chown=node:node /app/libs/runtime/dist ./libs/runtime/dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
# Liveness only: the process answers. Orchestrators should route on /api/health/ready.
# Six tries cover a slow first start (compose.yaml adds a start period; dockerfilelint 1.8 rejects --start-period).
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "apps/api/dist/main.js"]
