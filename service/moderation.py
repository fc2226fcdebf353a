"""The moderation use case: score posts, apply the community policy, queue and refer.

Idempotent per (API key, post id) and per (API key, Idempotency-Key), and fail-safe: when the
model is unavailable every post is held for review (unless its community's policy opts into
fail-open), so nothing is auto-published on an error.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from anyio import to_thread
from sqlalchemy.orm import Session, sessionmaker

from models.language import SUPPORTED_LANGUAGES, UNDETERMINED, LanguageGuess, detect_language
from models.predictor import Prediction, to_post_scores
from models.taxonomy import LABELS
from service.errors import IdempotencyConflict, ModelUnavailable, StorageUnavailable
from service.inference import InferenceEngine
from service.metrics import Metrics
from service.policy import DEFAULT_COMMUNITY, Decision, Policy, PolicyStore, Reason
from service.referral import ReferralService
from service.store.db import is_unavailable
from service.store.models import IdempotencyRecord, ModerationResult, ReviewItem
from service.store.repositories import ModerationRepository, new_item_id
from service.store.writer import ResultWriter

log = logging.getLogger(__name__)

#: Queue order: crisis first, then posts held from publication, then blocks awaiting
#: confirmation (those are already hidden, so they can wait).
PRIORITY = {Decision.REFER: 100, Decision.REVIEW: 50, Decision.BLOCK: 10}

MODEL_UNAVAILABLE = Reason(
    "model_unavailable",
    "The moderation model was unavailable (error, timeout or still loading); the post is held "
    "for a human moderator instead of being published automatically.",
)
MODEL_UNAVAILABLE_FAIL_OPEN = Reason(
    "model_unavailable",
    "The moderation model was unavailable; this community's policy publishes posts anyway "
    "(fail-open).",
)
UNSUPPORTED_LANGUAGE_REVIEW = Reason(
    "unsupported_language",
    "Haven's models were not trained or measured on this post's language, so its scores may be "
    "wrong; the post is held for a moderator (policy: unsupported_language: review).",
)
UNSUPPORTED_LANGUAGE_FLAG = Reason(
    "unsupported_language",
    "Haven's models were not trained or measured on this post's language, so its scores may be "
    "wrong (policy: unsupported_language: allow_flagged).",
)


@dataclass(frozen=True)
class PostIn:
    id: str
    text: str
    author_id: str | None = None
    community_id: str | None = None
    language: str | None = None
    country: str | None = None
    reply_to_text: str | None = None

    @property
    def community(self) -> str:
        return self.community_id or DEFAULT_COMMUNITY

    def fingerprint(self) -> str:
        """Hash of what was moderated, to refuse a reused post id carrying different text."""
        material = json.dumps([self.text, self.reply_to_text, self.community], ensure_ascii=False)
        return hashlib.sha256(material.encode("utf-8")).hexdigest()


def request_fingerprint(posts: Sequence[PostIn]) -> str:
    material = json.dumps([p.__dict__ for p in posts], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class ModerationService:
    def __init__(
        self,
        *,
        engine: InferenceEngine,
        policies: PolicyStore,
        referral: ReferralService,
        sessions: sessionmaker[Session],
        metrics: Metrics,
        clock: Callable[[], datetime],
        supported_languages: frozenset[str] | None = None,
        writer: ResultWriter | None = None,
    ) -> None:
        self.engine = engine
        #: Group commit for one-post requests that queue nothing (the common case); None: every
        #: request stores its results in a transaction of its own.
        self.writer = writer
        #: Languages the models were trained and measured on (read from the model artifacts).
        self.supported_languages = supported_languages or SUPPORTED_LANGUAGES
        self.policies = policies
        self.referral = referral
        self.sessions = sessions
        self.metrics = metrics
        self.clock = clock

    async def moderate(self, api_key_id: str, posts: Sequence[PostIn], *,
                       idempotency_key: str | None = None) -> dict[str, Any]:
        started = time.perf_counter()
        request_hash = request_fingerprint(posts)
        outage = _Outage()  # the database may be down: score anyway, then answer fail-safe
        if idempotency_key:
            replay = await outage.call(self._replay, api_key_id, idempotency_key, request_hash)
            if replay is not None:
                return replay

        # Every post is scored, and stored only if its id is new for this key: a repeated id
        # loses the insert and is answered with its stored result (``_persist``). Looking the
        # ids up first would spare a retried post's inference but cost every request a
        # database round trip and a thread hop; retries are the rare case.
        inference_ms: float | None = None
        prediction: Prediction | None = None
        # The platform's declared language is the fallback for short or ambiguous posts.
        guesses = {p.id: detect_language(p.text, p.language) for p in posts}
        t0 = time.perf_counter()
        try:
            prediction = await self.engine.predict(
                [p.text for p in posts], [p.reply_to_text for p in posts],
                [guesses[p.id].language for p in posts],
            )
            inference_ms = round((time.perf_counter() - t0) * 1000, 2)
            self.metrics.inference_latency.observe(inference_ms / 1000)
        except ModelUnavailable as exc:
            self.metrics.inference_failures.inc()
            log.warning("model unavailable: failing safe",
                        extra={"error": exc.message, "posts": len(posts)})
        computed = self._decide(posts, prediction, guesses)

        persisted = await self._store(outage, api_key_id, posts, computed)
        if persisted is None:
            raise self._unstored(api_key_id, posts, computed)
        stored, known = persisted
        results = [
            {**(stored[p.id] if p.id in stored else known[p.id]), "replayed": p.id not in stored}
            for p in posts
        ]
        for result in stored.values():
            self._count(result)
        response: dict[str, Any] = {
            "model": self.engine.model_info,
            "results": results,
            "timing": {
                "inference_ms": inference_ms,
                "total_ms": round((time.perf_counter() - started) * 1000, 2),
            },
        }
        if idempotency_key:
            # The posts are stored: if only this record fails, a retry replays them per post id.
            response = await outage.call(self._remember, api_key_id, idempotency_key,
                                         request_hash, response) or response
        return response

    def _unstored(self, api_key_id: str, posts: Sequence[PostIn],
                  computed: dict[str, tuple[dict[str, Any], ReviewItem | None]]
                  ) -> StorageUnavailable:
        """The 503 for posts that were scored but could not be stored (database down).

        Nothing was queued, so no moderator would ever see a held post: a ``200`` here would
        let a platform hold a post forever. The error carries the fail-safe results (``allow``
        becomes ``review``; ``block`` and ``refer`` stand, so an author at risk still gets the
        referral) for the platform to apply while it retries with the same post ids.
        """
        results = [_fail_safe(computed[p.id][0]) for p in posts]
        log.warning("database unavailable: posts not stored, answered fail-safe 503",
                    extra={"key_id": api_key_id, "posts": len(posts),
                           "decisions": [r["decision"] for r in results]})
        return StorageUnavailable(
            "the database is unreachable: these posts were not stored or queued, so no "
            "moderator will see them. Do not publish them; apply the fail-safe results in "
            "details.results meanwhile and send the same request again after Retry-After "
            "seconds (same post ids: nothing is queued twice).",
            details={"model": self.engine.model_info, "results": results},
        )

    # -- steps

    def _replay(self, api_key_id: str, key: str, request_hash: str) -> dict[str, Any] | None:
        with self.sessions() as session:
            record = ModerationRepository(session).get_idempotency(api_key_id, key)
            if record is None:
                return None
            if record.request_sha256 != request_hash:
                raise IdempotencyConflict(
                    "this Idempotency-Key was already used with a different request body",
                    details={"idempotency_key": key},
                )
            return _mark_replayed(record.response)

    def language_supported(self, guess: LanguageGuess) -> bool:
        """``und`` (no letters, or too short to tell) counts as supported: the default model
        scores it, and holding every "ok" or emoji-only post would flood the queue."""
        return guess.language == UNDETERMINED or guess.language in self.supported_languages

    def _unblockable(self, language: str, supported: bool, policy: Policy) -> frozenset[str]:
        """Labels that must not block this post. A language no model was measured on has no
        measured block point for any label: under ``unsupported_language: review`` such a post
        is held for a moderator rather than blocked (it stays unpublished either way, but a
        block silences a member on scores nobody has checked in that language)."""
        if not supported and policy.spec.unsupported_language == "review":
            return frozenset(LABELS)
        return self.engine.unblockable(language)

    def _decide(self, posts: Sequence[PostIn], prediction: Prediction | None,
                guesses: dict[str, LanguageGuess]
                ) -> dict[str, tuple[dict[str, Any], ReviewItem | None]]:
        now = self.clock()
        model = self.engine.model_info
        per_post = (
            to_post_scores(prediction, self.engine.thresholds) if prediction is not None else None
        )
        out: dict[str, tuple[dict[str, Any], ReviewItem | None]] = {}
        for i, post in enumerate(posts):
            policy = self.policies.for_community(post.community)
            guess = guesses[post.id]
            supported = self.language_supported(guess)
            if per_post is None:
                decision = Decision.ALLOW if policy.spec.fail_open else Decision.REVIEW
                reasons = [MODEL_UNAVAILABLE_FAIL_OPEN if policy.spec.fail_open
                           else MODEL_UNAVAILABLE]
                labels: list[str] = []
                scores = targets = None
            else:
                scored = per_post[i]
                verdict = policy.decide(scored["scores"], self.engine.thresholds,
                                        self.engine.block_thresholds,
                                        self._unblockable(guess.language, supported, policy))
                decision, reasons, labels = verdict.decision, verdict.reasons, verdict.labels
                scores, targets = scored["scores"], scored["targets"]
            if not supported:
                if policy.spec.unsupported_language == "review":
                    decision = Decision.REVIEW if decision is Decision.ALLOW else decision
                    reasons = [*reasons, UNSUPPORTED_LANGUAGE_REVIEW]
                else:
                    reasons = [*reasons, UNSUPPORTED_LANGUAGE_FLAG]
            queued = decision in (Decision.REVIEW, Decision.REFER) or (
                decision is Decision.BLOCK and policy.spec.queue_blocked
            )
            item = self._item(post, policy, decision, reasons, labels, scores, targets, model,
                              now) if queued else None
            result = {
                "id": post.id,
                "decision": decision.value,
                "labels": labels,
                "scores": scores,
                "targets": targets,
                "reasons": [r.as_dict() for r in reasons],
                "review_id": item.id if item is not None else None,
                "referral": (self.referral.referral(post.country, _referral_language(post, guess))
                             if decision is Decision.REFER else None),
                "language": guess.language,
                "language_source": guess.source,
                "language_supported": supported,
                "policy": {"name": policy.name, "version": policy.version,
                           "community_id": post.community},
            }
            out[post.id] = (result, item)
        return out

    @staticmethod
    def _item(post: PostIn, policy: Policy, decision: Decision, reasons: list[Reason],
              labels: list[str], scores: dict[str, float] | None,
              targets: dict[str, float] | None, model: dict[str, str] | None,
              now: datetime) -> ReviewItem:
        return ReviewItem(
            id=new_item_id(), api_key_id="", post_id=post.id, community_id=post.community,
            author_id=post.author_id, language=post.language, country=post.country,
            text=post.text, reply_to_text=post.reply_to_text, model_decision=decision.value,
            reasons=[r.as_dict() for r in reasons], scores=scores, targets=targets,
            labels=labels, priority=PRIORITY[decision], status="pending", created_at=now,
            updated_at=now, model_name=model["name"] if model else None,
            model_version=model["version"] if model else None, policy_name=policy.name,
            policy_version=policy.version,
        )

    async def _store(self, outage: _Outage, api_key_id: str, posts: Sequence[PostIn],
                     computed: dict[str, tuple[dict[str, Any], ReviewItem | None]]
                     ) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]] | None:
        """``_persist``'s answer, through the group writer when the request allows it.

        Only a one-post request whose post is not queued goes through the writer: its one row
        is all it stores, and no other request's failure can undo it. A post id that is
        already stored falls through to ``_persist``, which answers it (the stored result, or
        409 for different text) exactly as before. None: the database is unreachable.
        """
        if self.writer is not None and len(posts) == 1 and computed[posts[0].id][1] is None:
            post = posts[0]
            result = computed[post.id][0]
            row = _result_values(api_key_id, post, result, None, self.clock())
            stored = await outage.call_async(self.writer.insert, row)
            if stored is None:
                return None
            if stored:
                return {post.id: result}, {}
        return await outage.call(self._persist, api_key_id, posts, computed)

    def _persist(self, api_key_id: str, posts: Sequence[PostIn],
                 computed: dict[str, tuple[dict[str, Any], ReviewItem | None]]
                 ) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
        """Store each post's result (and queue item) unless its id is already stored.

        Returns (results stored now, results stored earlier or by a concurrent request): a
        known post id is answered with its stored result, so a post is never queued twice. An
        id stored with different text refuses the whole request (409) and stores none of it.
        """
        known: dict[str, dict[str, Any]] = {}
        if not posts:
            return {}, known
        now = self.clock()
        stored: dict[str, dict[str, Any]] = {}
        with self.sessions() as session:
            repo = ModerationRepository(session)
            for post in posts:
                result, item = computed[post.id]
                if item is not None:
                    item.api_key_id = api_key_id
                row = ModerationResult(**_result_values(api_key_id, post, result, item, now))
                if repo.save_result(row, item, actor=f"key:{api_key_id}",
                                    only_write=len(posts) == 1) is not None:
                    stored[post.id] = result
            lost = [p for p in posts if p.id not in stored]
            if lost:
                found = repo.find_results(api_key_id, [p.id for p in lost])
                conflicts = [p.id for p in lost if found[p.id].text_sha256 != p.fingerprint()]
                if conflicts:
                    session.rollback()
                    raise IdempotencyConflict(
                        "these post ids were already moderated with different text; send an "
                        "edited post under a new id (for example '<id>@v2')",
                        details={"post_ids": conflicts},
                    )
                known = {p.id: dict(found[p.id].result) for p in lost}
            session.commit()
        return stored, known

    def _remember(self, api_key_id: str, key: str, request_hash: str,
                  response: dict[str, Any]) -> dict[str, Any]:
        with self.sessions() as session:
            repo = ModerationRepository(session)
            saved = repo.save_idempotency(IdempotencyRecord(
                api_key_id=api_key_id, key=key, request_sha256=request_hash, response=response,
                created_at=self.clock(),
            ))
            session.commit()
            if saved is not None:
                return response
        # A concurrent request with the same key won the race: answer what it stored.
        replay = self._replay(api_key_id, key, request_hash)
        return replay if replay is not None else response

    def _count(self, result: dict[str, Any]) -> None:
        self.metrics.decisions.labels(result["decision"]).inc()
        for label in result["labels"]:
            self.metrics.label_decisions.labels(label, result["decision"]).inc()


def _result_values(api_key_id: str, post: PostIn, result: dict[str, Any],
                   item: ReviewItem | None, now: datetime) -> dict[str, Any]:
    """The ``moderation_results`` row of one answered post (both storage paths write it)."""
    return {"api_key_id": api_key_id, "post_id": post.id, "text_sha256": post.fingerprint(),
            "community_id": post.community, "decision": result["decision"], "result": result,
            "review_item_id": item.id if item is not None else None, "created_at": now}


def _referral_language(post: PostIn, guess: LanguageGuess) -> str | None:
    """The declared language, else the detected one (``ar-Latn`` -> Arabic services)."""
    if post.language:
        return post.language
    return guess.language if guess.language != UNDETERMINED else None


STORAGE_UNAVAILABLE = Reason(
    "storage_unavailable",
    "The review queue's database was unreachable: this post was not stored or queued. Hold it "
    "and send it again; nothing is published automatically.",
)


def _fail_safe(result: dict[str, Any]) -> dict[str, Any]:
    """What a platform should do with a post Haven scored but could not store."""
    decision = Decision.REVIEW.value if result["decision"] == Decision.ALLOW.value \
        else result["decision"]
    return {**result, "decision": decision, "review_id": None, "replayed": False,
            "reasons": [*result["reasons"], STORAGE_UNAVAILABLE.as_dict()]}


class _Outage:
    """Runs one request's database steps in a thread, noting (not raising) an outage.

    After the first connection failure later steps are skipped instead of each waiting for
    its own connect timeout. Other errors (bugs, conflicts) propagate unchanged.
    """

    def __init__(self) -> None:
        self.error: BaseException | None = None

    async def call(self, step: Callable[..., Any], *args: Any) -> Any:
        """Run a blocking ``step`` in a worker thread."""
        return await self.call_async(to_thread.run_sync, step, *args)

    async def call_async(self, step: Callable[..., Awaitable[Any]], *args: Any) -> Any:
        """Await ``step(*args)``; None (and later steps skipped) if the database is down."""
        if self.error is not None:
            return None
        try:
            return await step(*args)
        except Exception as exc:
            if not is_unavailable(exc):
                raise
            self.error = exc
            return None


def _mark_replayed(response: dict[str, Any]) -> dict[str, Any]:
    return {**response, "results": [{**r, "replayed": True} for r in response["results"]]}
