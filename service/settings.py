"""Every knob of the service, in one pydantic-settings object.

Values come from (highest priority first) keyword arguments, ``HAVEN_*`` environment variables,
an optional YAML or TOML file named by ``HAVEN_CONFIG`` (same field names, lower case, no prefix),
then the defaults below. Nothing else in the service reads ``os.environ``; docs/service.md lists
every variable and ``tests/service/test_settings.py`` checks that the list is complete.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
    YamlConfigSettingsSource,
)

SERVICE_DIR = Path(__file__).resolve().parent
DEFAULT_POLICY_DIR = SERVICE_DIR / "policies"
DEFAULT_RESOURCES_FILE = SERVICE_DIR / "resources" / "crisis_resources.yaml"
DEFAULT_DATABASE_URL = "sqlite:///.haven/haven.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HAVEN_", extra="forbid", validate_default=True)

    # --- storage ---
    database_url: str = Field(
        DEFAULT_DATABASE_URL,
        description="SQLAlchemy URL. SQLite (default, relative to the working directory) or "
        "postgresql+psycopg://user@host/db to share one queue between API processes.",
    )
    migrate_on_start: bool | None = Field(
        None,
        description="Run Alembic migrations at start-up. Unset: yes on SQLite, no on PostgreSQL "
        "(run `haven db upgrade` once per deploy instead of racing replicas).",
    )
    db_pool_size: int = Field(5, ge=1, description="Connection pool size (PostgreSQL).")

    # --- model and inference ---
    model_dir: Path | None = Field(
        None, description="Model directory; unset uses the shipped default (models/default/)."
    )
    model_device: str | None = Field(None, description="Torch device, e.g. cpu (default) or cuda.")
    model_backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        "torch", description="Inference backend: torch (CPU or CUDA), onnx or onnx-int8 (CPU; "
        "exported on first start and cached, or ahead of time with `haven export`; "
        "docs/performance.md). onnx-int8 is the fastest on CPU.")
    model_num_threads: int | None = Field(
        None, ge=1, description="Intra-op threads of the ONNX backends; unset: one per core.")
    multilingual_model_dir: str | None = Field(
        None, description="Per-language model directories, comma-separated, the first serving "
        "a language winning (docs/languages.md); unset uses the shipped "
        "models/multilingual-ar/ then models/multilingual/. Posts in their languages are "
        "scored by them, others by model_dir.")
    multilingual_enabled: bool = Field(
        True, description="Route posts in the per-language model's languages to it; false scores "
        "every post with model_dir.")
    predictor: str | None = Field(
        None,
        description="TESTING HOOK: `module:factory` returning a Predictor, used instead of "
        "loading model_dir (the multi-process tests use it to run a fake model).",
    )
    inference_timeout_s: float = Field(
        10.0, gt=0, description="Inference slower than this is a failure: posts go to review."
    )
    inference_batch_size: int = Field(32, ge=1, description="Batch size passed to the model.")
    inference_max_batch_posts: int = Field(
        64, ge=1, description="Micro-batching: most posts of concurrent requests scored together.")
    inference_max_wait_ms: float = Field(
        0.0, ge=0, description="Micro-batching: longest a request waits for others to join its "
        "batch. 0 (default): score what is queued as soon as the model is free; requests "
        "arriving meanwhile form the next batch.")
    inference_max_queued_posts: int = Field(
        1024, ge=1, description="Micro-batching: posts waiting for the model before new requests "
        "get 503 overloaded with Retry-After.")

    # --- request limits ---
    max_posts_per_request: int = Field(64, ge=1, description="Most posts in one /v1/moderate call.")
    max_text_chars: int = Field(20_000, ge=1, description="Longest accepted post text.")
    max_request_bytes: int = Field(
        4 * 1024 * 1024, ge=1024, description="Largest accepted request body (413 beyond)."
    )

    # --- policies and referral ---
    policy_dir: Path = Field(
        DEFAULT_POLICY_DIR,
        description="Folder of policy YAML files: default.yaml plus <community_id>.yaml.",
    )
    policy_reload_interval_s: float = Field(
        5.0, ge=0, description="How often policy files are checked for changes (0: never)."
    )
    resources_file: Path = Field(
        DEFAULT_RESOURCES_FILE, description="Crisis-resource directory used for referrals."
    )
    referral_max_resources: int = Field(4, ge=1, description="Most resources in one referral.")

    # --- review queue ---
    claim_lease_s: int = Field(300, ge=1, description="How long a claim holds a review item.")
    text_retention_days: int = Field(
        30, ge=0, description="`haven purge` deletes the text of items decided this long ago."
    )
    open_text_retention_days: int = Field(
        180, ge=0, description="`haven purge` deletes the text of items still open after this."
    )
    idempotency_retention_hours: int = Field(
        72, ge=1, description="How long results of posts that were not queued are remembered."
    )

    # --- auth ---
    rate_limit_per_minute: int = Field(
        600, ge=1, description="Default requests per minute per API key (per process)."
    )
    rate_limit_burst: int = Field(60, ge=1, description="Requests a key may send at once.")
    ui_session_secret: SecretStr | None = Field(
        None, min_length=32,
        description="Signs moderator web UI session cookies (/ui). Unset: a random secret per "
        "process, so sign-ins end on restart and do not carry across workers.",
    )

    # --- webhooks ---
    webhooks_enabled: bool = Field(True, description="Run the webhook delivery worker.")
    webhook_timeout_s: float = Field(5.0, gt=0, description="Timeout of one delivery attempt.")
    webhook_max_attempts: int = Field(12, ge=1, description="Attempts before a delivery fails.")
    webhook_backoff_base_s: float = Field(
        2.0, gt=0, description="First retry delay; doubles each attempt."
    )
    webhook_backoff_max_s: float = Field(3600.0, gt=0, description="Longest retry delay.")
    webhook_poll_interval_s: float = Field(1.0, gt=0, description="Outbox polling interval.")

    # --- HTTP and logs ---
    host: str = Field("127.0.0.1", description="`haven serve` bind address.")
    port: int = Field(8000, ge=1, le=65535, description="`haven serve` port.")
    workers: int = Field(1, ge=1, description="`haven serve` worker processes.")
    log_level: str = Field("INFO", description="Log level (JSON lines on stderr).")
    log_format: Literal["json", "text"] = Field("json", description="Log line format.")
    docs_enabled: bool = Field(True, description="Serve OpenAPI docs at /docs and /openapi.json.")

    @field_validator("database_url")
    @classmethod
    def _known_backend(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("only sqlite:/// and postgresql+psycopg:// URLs are supported")
        if value.startswith("postgresql://"):
            # psycopg 3 is the installed driver; plain postgresql:// would ask for psycopg2.
            value = "postgresql+psycopg://" + value.removeprefix("postgresql://")
        return value

    @model_validator(mode="after")
    def _backend_device(self) -> Settings:
        if self.model_backend != "torch" and self.model_device not in (None, "cpu"):
            raise ValueError(f"model_backend {self.model_backend!r} runs on CPU only; use "
                             f"model_backend 'torch' with model_device {self.model_device!r}")
        return self

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        value = value.upper()
        if value not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def should_migrate_on_start(self) -> bool:
        return self.is_sqlite if self.migrate_on_start is None else self.migrate_on_start

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config_file = os.environ.get("HAVEN_CONFIG")
        if config_file:
            sources.append(_file_source(settings_cls, Path(config_file)))
        return tuple(sources)


def _file_source(settings_cls: type[BaseSettings], path: Path) -> PydanticBaseSettingsSource:
    if not path.is_file():
        raise ValueError(f"HAVEN_CONFIG: {path} is not a file")
    if path.suffix in {".yaml", ".yml"}:
        return YamlConfigSettingsSource(settings_cls, yaml_file=path)
    if path.suffix == ".toml":
        return TomlConfigSettingsSource(settings_cls, toml_file=path)
    raise ValueError(f"HAVEN_CONFIG: {path} must end in .yaml, .yml or .toml")


def settings_fields() -> dict[str, Any]:
    """Field name -> pydantic FieldInfo, for docs and the CLI."""
    return dict(Settings.model_fields)
