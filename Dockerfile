# Haven moderation API: CPU image with the default model, running as a non-root user.
#   docker build -t haven .
#   docker run -p 8000:8000 -v haven-data:/data haven
# Settings are HAVEN_* environment variables (docs/service.md).

FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/haven
ENV PATH=/opt/haven/bin:$PATH
# torch first, pinned, from the CPU index: the default index would pull several GB of CUDA
# libraries that a CPU image never uses. This layer is cached across source changes.
RUN pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
WORKDIR /app
COPY . .
# Editable install: the package data Haven reads at run time (policies, crisis resources,
# migrations, models/default/) stays where the code expects it, in /app.
RUN pip install --no-cache-dir -e . \
    && python -c "import service.app, models; assert models.DEFAULT_MODEL_DIR.is_dir(), 'models/default/ is missing from the build context'"

FROM python:3.11-slim-bookworm
RUN groupadd --system --gid 10001 haven \
    && useradd --system --uid 10001 --gid haven --home-dir /data --shell /usr/sbin/nologin haven \
    && mkdir -p /data \
    && chown haven:haven /data
COPY --from=build /opt/haven /opt/haven
COPY --from=build /app /app
ENV PATH=/opt/haven/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    HAVEN_HOST=0.0.0.0 \
    HAVEN_PORT=8000 \
    HAVEN_DATABASE_URL=sqlite:////data/haven.db
WORKDIR /data
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["haven", "serve"]
