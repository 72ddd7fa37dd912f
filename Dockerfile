# Samordna: multi-stage build. Stage 1 builds the SPA; stage 2 is the Python runtime that serves
# the API, GraphQL and the built SPA. Configuration comes from the environment (see README).
# Production needs DATABASE_URL (the app role, without BYPASSRLS) and DATABASE_ADMIN_URL (the
# owner, for `samordna db upgrade`), a real OIDC issuer and client key, the Maskinporten issuer and
# audience (SAMORDNA_MACHINE_ISSUER, SAMORDNA_MACHINE_AUDIENCE), and SAMORDNA_DEV_IDP=false.

FROM node:20-bookworm-slim AS spa
WORKDIR /build
COPY openapi/ openapi/
COPY frontend/package.json frontend/package-lock.json frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY frontend/ frontend/
RUN cd frontend && npm run build

FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    SAMORDNA_ENVIRONMENT=production \
    SAMORDNA_DEV_IDP=false \
    SAMORDNA_HOST=0.0.0.0 \
    SAMORDNA_PORT=8000 \
    SAMORDNA_STATE_DIR=/var/lib/samordna \
    SAMORDNA_SPA_DIR=/app/frontend/dist
RUN groupadd --system samordna && useradd --system --gid samordna --home-dir /app samordna \
    && mkdir -p /var/lib/samordna && chown samordna:samordna /var/lib/samordna
# Pango, HarfBuzz and DejaVu for WeasyPrint (open minutes as PDF/A, docs/adr/0014).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
       libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY domain/ domain/
COPY adapters/ adapters/
COPY api/ api/
RUN pip install --no-compile .
COPY --from=spa /build/frontend/dist frontend/dist
USER samordna
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/api/openapi.json'); sys.exit(0)"
ENTRYPOINT ["samordna"]
CMD ["serve"]
