"""Benchmark inputs: synthetic posts of realistic lengths, or posts read from a local JSONL file.

No dataset text ships with the benchmarks. The sentence bank below was written for them: the
register of a peer-support forum (everyday news, venting, advice, the odd rude reply), so the
tokenizer sees ordinary English word pieces, and post lengths are what decides speed.

Length profiles, in word-piece tokens of the post body (``[CLS]``/``[SEP]`` add 2):

``tweet``  20-40 tokens: a status update or a one-line reply.
``forum``  56-72 tokens (about 64): a typical forum post; the issue's reference length.
``long``   260-340 tokens: a long post, scored as 3-4 sliding windows of 128 tokens.
``mixed``  60% tweet, 30% forum, 10% long: a plausible feed.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

SENTENCES: tuple[str, ...] = (
    "Had a rough week at work but the weekend is finally here.",
    "Does anyone else find it hard to sleep when the nights get longer?",
    "My sister came over with her dog and we walked along the river for an hour.",
    "I passed my driving test this morning and I still cannot quite believe it.",
    "Thanks everyone for the advice on the last thread, it really helped.",
    "The bus was late again so I missed the first half of the lecture.",
    "Honestly some days I feel like I am just going through the motions.",
    "I tried the breathing exercise someone posted here and it calmed me down a bit.",
    "We finally painted the kitchen and it looks so much brighter now.",
    "Not sure this is the right place to ask, but how do you deal with exam stress?",
    "My therapist suggested writing things down, so this is me trying that.",
    "The new manager keeps changing the schedule without telling anyone.",
    "It has been three months since I moved and I still do not know anyone here.",
    "Grabbed coffee with an old friend today and it felt like no time had passed.",
    "Please stop posting the same question in every thread, it is getting annoying.",
    "You clearly did not read what I wrote before replying.",
    "That is a stupid take and you know it.",
    "I keep telling myself it will get better but I am so tired of waiting.",
    "Some nights I just want everything to stop for a while.",
    "Nobody in my family really listens when I try to talk about how I feel.",
    "Went for a run in the rain and somehow it was the best part of my day.",
    "Does the library near the station still open late on Thursdays?",
    "My cat knocked a full glass of water onto my laptop this morning.",
    "I started volunteering at the food bank and the people there are lovely.",
    "Can someone explain how the new moderation rules work for replies?",
    "I have been feeling really low lately and I do not know who to talk to.",
    "Congratulations on the new job, you worked so hard for it.",
    "The heating broke again and the landlord is ignoring my messages.",
    "I made soup from whatever was left in the fridge and it was surprisingly good.",
    "Reading everyone's stories here makes me feel a little less alone.",
    "Shut up, nobody asked for your opinion.",
    "I cried in the car park after the appointment and then drove home.",
    "We are organising a picnic next Saturday if anyone wants to join.",
    "It is strange how a song can bring back a whole year of your life.",
    "My exams start on Monday and I have barely opened the books.",
    "I hope your mum feels better soon, sending you all the good thoughts.",
    "Every time I open my phone there is more bad news.",
    "The garden is full of tomatoes this year, I have no idea what to do with them all.",
    "I said something I regret to a friend and now she will not answer me.",
    "Small win today: I got out of bed, showered and made breakfast.",
)

PROFILES: dict[str, tuple[int, int]] = {
    "tweet": (20, 40),
    "forum": (56, 72),
    "long": (260, 340),
}
MIXED = (("tweet", 0.6), ("forum", 0.3), ("long", 0.1))


def synthesize(tokenizer, profile: str, n: int, seed: int = 0) -> list[str]:
    """``n`` posts whose token counts fall in the profile's range (``mixed``: drawn per post)."""
    rng = random.Random(f"{profile}:{seed}")
    counts = {s: len(tokenizer(s, add_special_tokens=False)["input_ids"]) for s in SENTENCES}
    posts = []
    for _ in range(n):
        name = profile
        if profile == "mixed":
            name = rng.choices([p for p, _ in MIXED], weights=[w for _, w in MIXED])[0]
        low, high = PROFILES[name]
        goal = rng.randint(low, high)
        words: list[str] = []
        size = 0
        while size < goal:
            sentence = rng.choice(SENTENCES)
            words.append(sentence)
            size += counts[sentence]
        # Trim the last sentence word by word so the post lands inside the range.
        text = " ".join(words)
        tokens = text.split()
        while len(tokens) > 1 and _count(tokenizer, " ".join(tokens[:-1])) >= goal:
            tokens.pop()
        posts.append(" ".join(tokens))
    return posts


def _count(tokenizer, text: str) -> int:
    return len(tokenizer(text, add_special_tokens=False)["input_ids"])


def read_posts(path: str | Path, n: int, seed: int = 0) -> list[str]:
    """Up to ``n`` texts from a local JSONL file (``{"text": ...}`` per line), sampled.

    For runs on real data the user already has (e.g. ``runs/default/validation.jsonl``); the
    texts stay in memory and are never written into results.
    """
    texts = []
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    texts.append(text)
    rng = random.Random(seed)
    rng.shuffle(texts)
    if len(texts) < n:
        texts = (texts * (n // max(len(texts), 1) + 1))[:n]
    return texts[:n]


def token_stats(tokenizer, texts: Sequence[str]) -> dict[str, float]:
    """Mean and percentiles of body token counts (reported with every result)."""
    import numpy as np

    lengths = np.array([_count(tokenizer, t) for t in texts])
    return {
        "mean": round(float(lengths.mean()), 1),
        "p50": float(np.percentile(lengths, 50)),
        "p90": float(np.percentile(lengths, 90)),
        "max": int(lengths.max()),
    }
