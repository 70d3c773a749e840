# factledger app image. No build step: tsx runs the TypeScript sources, so the
# image carries the sources and the runtime dependencies (tsx and esbuild are
# runtime dependencies here, not dev ones).
#
#   docker build -t factledger .
#   docker run -p 3000:3000 -v factledger-data:/app/data factledger

FROM node:20-slim AS deps
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary fits the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev \
 && npm cache clean --force \
 && node -e "require.resolve('tsx'); require('better-sqlite3')(':memory:').close()"

FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    FACTLEDGER_DB=/app/data/ledger.db
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
# Sources, migrations and static assets (.dockerignore keeps tests, data and git out).
COPY . .
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/factledger.js", "serve"]
