"""Prometheus metrics, one registry per app (so tests can build many apps in one process).

Labels are bounded: route templates (never raw paths with ids), decision and label names.
"""

from __future__ import annotations

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

CONTENT_TYPE = CONTENT_TYPE_LATEST


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "haven_http_requests_total", "HTTP requests by route template and status.",
            ["method", "route", "status"], registry=self.registry,
        )
        self.latency = Histogram(
            "haven_http_request_duration_seconds", "HTTP request latency.",
            ["method", "route"], registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.decisions = Counter(
            "haven_decisions_total", "Moderation decisions.", ["decision"],
            registry=self.registry,
        )
        self.label_decisions = Counter(
            "haven_label_decisions_total",
            "Posts flagged with a label, by the decision they received.",
            ["label", "decision"], registry=self.registry,
        )
        self.inference_latency = Histogram(
            "haven_inference_duration_seconds", "Model inference latency per request batch.",
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.inference_failures = Counter(
            "haven_inference_failures_total", "Inference failures and timeouts (fail-safe).",
            registry=self.registry,
        )
        self.queue_depth = Gauge(
            "haven_review_queue_items", "Review items by status (read at scrape time).",
            ["status"], registry=self.registry,
        )
        self.webhooks = Counter(
            "haven_webhook_attempts_total", "Webhook delivery attempts by outcome.",
            ["outcome"], registry=self.registry,
        )
        self.model_ready = Gauge(
            "haven_model_ready", "1 when the model is loaded.", registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
