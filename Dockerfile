# Image of the wirecheck services, for docker-compose.yml (users with a Docker engine).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY wirecheck ./wirecheck
COPY schemas ./schemas
COPY services ./services
RUN pip install --no-cache-dir .
ENV WIRECHECK_LOG_JSON=true WIRECHECK_METRICS_HOST=0.0.0.0
ENTRYPOINT ["wirecheck"]
