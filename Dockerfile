# factledger app image. A build stage compiles the TypeScript to dist/ with
# the dev dependencies (typescript); the runtime stage carries dist/, the
# runtime dependencies only, and the files read beside the code (migrations/,
# src/web/public/). bin/factledger.js runs dist/ when it is there.
#
#   docker build -t factledger .
#   docker run -p 3000:3000 -v factledger-data:/app/data factledger

# better-sqlite3 compiles from source when no prebuilt binary fits the platform.
FROM node:20-slim AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./

FROM toolchain AS deps
RUN npm ci --omit=dev \
 && npm cache clean --force \
 && node -e "require('better-sqlite3')(':memory:').close()"

FROM toolchain AS build
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    FACTLEDGER_DB=/app/data/ledger.db
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
# Migrations, static assets and package.json (.dockerignore keeps tests, data and git out).
COPY . .
COPY --from=build /app/dist ./dist
RUN test -f dist/src/cli/entry.js \
 && mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/factledger.js", "serve"]
