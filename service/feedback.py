"""Moderators' decisions as labelled training examples (the training loader's generic format).

Mapping (also in docs/service.md):

- Relabelled (the moderator ticked labels): ticked labels 1, every other label 0. Ticked targets
  likewise 1 and the others 0; with no targets ticked, targets stay unknown (null).
- Approved, no relabel: the non-crisis labels the model flagged become 0 (the moderator judged
  them wrong); everything else stays null. Crisis labels are never inferred from approval:
  publishing a post says nothing about the author's risk.
- Rejected, no relabel: the non-crisis labels the model flagged become 1; the rest stay null.
- Escalated: not exported until a final approve or reject.
- Items whose text was purged cannot be exported; items with no known label are skipped.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator

from models.examples import Example, Label
from models.labelled_io import DEFAULT_LANGUAGE, example_record
from models.taxonomy import CRISIS_LABELS, LABELS, TARGETS
from service.store.models import ReviewItem

SOURCE = "haven_feedback"


def item_labels(item: ReviewItem) -> tuple[dict[str, Label], dict[str, Label]]:
    """(labels, targets) a final decision teaches, following the mapping in the module doc."""
    labels: dict[str, Label] = {name: None for name in LABELS}
    targets: dict[str, Label] = {name: None for name in TARGETS}
    if item.corrected_labels is not None:
        ticked = set(item.corrected_labels)
        labels = {name: int(name in ticked) for name in LABELS}
        if item.corrected_targets:
            chosen = set(item.corrected_targets)
            targets = {name: int(name in chosen) for name in TARGETS}
        return labels, targets
    flagged = [name for name in item.labels if name in LABELS and name not in CRISIS_LABELS]
    if item.final_action == "approve":
        labels.update({name: 0 for name in flagged})
    elif item.final_action == "reject":
        labels.update({name: 1 for name in flagged})
    return labels, targets


def item_example(item: ReviewItem) -> Example | None:
    """The example for one decided item, or None when it teaches nothing or has no text."""
    if item.text is None or item.final_action not in ("approve", "reject"):
        return None
    labels, targets = item_labels(item)
    if all(value is None for value in labels.values()):
        return None
    return Example(
        text=item.text,
        source=SOURCE,
        language=item.language or DEFAULT_LANGUAGE,
        labels=labels,
        targets=targets,
        # One author's posts stay on one side of a train/validation split; hashed so the
        # exported file does not carry the platform's user ids.
        group=_author_group(item),
        text_pair=item.reply_to_text,
        functionality=f"moderator_{item.final_action}",
    )


def examples(items: Iterable[ReviewItem]) -> Iterator[Example]:
    for item in items:
        example = item_example(item)
        if example is not None:
            yield example


def jsonl_lines(items: Iterable[ReviewItem]) -> Iterator[str]:
    """Lines identical to ``models.labelled_io.write_labelled`` output, for streaming."""
    for example in examples(items):
        yield json.dumps(example_record(example), ensure_ascii=False) + "\n"


def _author_group(item: ReviewItem) -> str | None:
    if not item.author_id:
        return None
    digest = hashlib.sha256(f"{item.community_id}\0{item.author_id}".encode()).hexdigest()
    return f"author:{digest[:16]}"
