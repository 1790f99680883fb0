# syntax=docker/dockerfile:1
# intacct-elt as a container: compiled JavaScript, production dependencies only, a non-root user,
# the CLI as entrypoint. Build: docker build -t intacct-elt:0.1.0 .
# Debian slim, not Alpine: DuckDB's prebuilt native bindings need glibc.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build

FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    # One JSON event per line on stderr and the run report as one JSON line on stdout.
    INTACCT_ELT_JSON=1 \
    # Fewer malloc arenas measurably lower DuckDB's peak memory (bench/RESULTS.md).
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY schedules ./schedules
# A writable place for a DuckDB file (mount a volume here); the rest of the image is read-only to the job.
RUN mkdir /data && chown node:node /data
USER node
ENTRYPOINT ["node", "/app/bin/intacct-elt.js"]
CMD ["--help"]
