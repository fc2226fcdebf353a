"""The naive baseline for the HTTP benchmark: one request, one unbatched transformers forward pass.

What a first deployment of a fine-tuned classifier usually looks like: a FastAPI handler that
tokenises the post with the Hugging Face tokenizer (truncated to the model's 128-token window)
and runs the same merged network (base encoder + LoRA merged + heads, eager torch, fp32) on it.

It is given every advantage that costs no engineering: the same model and inputs as Haven, the
same request body as ``/v1/moderate`` (so one load generator drives both), uvicorn with uvloop
and httptools, no database, no auth, no policy. Forward passes are serialised by a lock: without
it FastAPI's threadpool runs dozens of forwards at once and torch's two threads per forward fight
over two cores, which is slower still; the lock keeps the baseline at its best, not its worst.

    NAIVE_MODEL_DIR=models/default uvicorn bench.naive_server:create_app --factory --port 8101
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from fastapi import FastAPI
from pydantic import BaseModel

from models.taxonomy import LABELS, TARGETS


class NaivePost(BaseModel):
    id: str
    text: str
    reply_to_text: str | None = None


class NaiveRequest(BaseModel):
    posts: list[NaivePost]


def create_app(model_dir: str | Path | None = None) -> FastAPI:
    import torch

    from models import DEFAULT_MODEL_DIR
    from models.artifact import read_config
    from models.classifier import load_network
    from models.network import load_tokenizer

    model_dir = Path(model_dir or os.environ.get("NAIVE_MODEL_DIR") or DEFAULT_MODEL_DIR)
    config = read_config(model_dir)
    network = load_network(model_dir, config.base_model)
    tokenizer = load_tokenizer(config.base_model)
    max_length = config.windows.max_length
    lock = threading.Lock()
    app = FastAPI(title="naive baseline")

    @app.get("/readyz")
    def readyz() -> dict[str, str]:
        return {"status": "ready"}

    @app.post("/v1/moderate")
    def moderate(request: NaiveRequest) -> dict:
        results = []
        for post in request.posts:
            with lock, torch.inference_mode():
                inputs = tokenizer(post.text, post.reply_to_text, truncation=True,
                                   max_length=max_length, return_tensors="pt")
                label_logits, target_logits = network(**inputs)
                scores = torch.sigmoid(label_logits)[0].tolist()
                targets = torch.sigmoid(target_logits)[0].tolist()
            results.append({"id": post.id,
                            "scores": dict(zip(LABELS, scores, strict=True)),
                            "targets": dict(zip(TARGETS, targets, strict=True))})
        return {"results": results}

    return app
