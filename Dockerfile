# Leerkring: python slim + Pango for WeasyPrint, run as a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    LEERKRING_ENVIRONMENT=production \
    LEERKRING_DATABASE_URL=sqlite:////data/leerkring.db

WORKDIR /app
COPY .ci/apt-run.txt .ci/system-packages.sh .ci/
RUN .ci/system-packages.sh .ci/apt-run.txt && rm -rf /var/lib/apt/lists/*

COPY pyproject.toml README.md alembic.ini ./
COPY app app
COPY templates templates
COPY migrations migrations
COPY factsheets factsheets
# Editable: templates, migrations and factsheets are read from /app beside the code.
RUN pip install -e . && useradd --create-home --uid 10001 leerkring \
    && mkdir -p /data && chown leerkring /data

USER leerkring
EXPOSE 8000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
# The same commands as `make run`, without the demo data; LEERKRING_WORKERS defaults to the cores.
CMD ["sh", "-c", "leerkring migrate && leerkring serve --host 0.0.0.0 --port 8000"]
