# syntax=docker/dockerfile:1
# Multi-stage image: build with dev dependencies, run with production dependencies only, as a non-root user.
# Not built on the development machines (no Docker engine there); see README "Running in a container".

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY commands commands
RUN npm run build

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    DATA_FILE=/app/data/db.json \
    CONTENT_DIR=/app/content \
    PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
# content/ stays a folder read at run time: coordinators may mount their own over it.
COPY content content
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
# SIGTERM: the assistant stops taking updates, flushes the store and exits within 9 s (see src/main.ts).
# Give it more than that before a SIGKILL: `docker stop -t 15`, or stop_grace_period in compose.yaml.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "dist/src/ops/healthcheck.js"]
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
