"""Which tail rows of public crisis posts may keep their post's ``self_harm`` label.

Why: a tail row (``model.tail_tokens``) is the last few dozen tokens of a long post, read on
their own. A suicidal Reddit post's ending alone is often not a crisis ("anyway, thanks for
reading"), so the trainer masks public positives on tail rows while keeping every negative.
Measured (docs/hardcases.md, "Training with the tail window"), that one-sided signal pulled the
head's ``self_harm`` scores down and the calibrated threshold with them (0.366 -> 0.173), and
members' posts were referred again. This rule gives the tail rows their positive side back
without anyone relabelling a post: a tail keeps its post's annotated ``self_harm`` 1 only when
the ending itself states the author's risk, is not a denial and is not news. It never turns a
negative into a positive; a post whose gold label is 0 is untouched.
"""

from __future__ import annotations

import re

from training.hardcases.mining import evasive_crisis, negated_crisis

#: First-person statements of risk or of a plan, as they close suicidal posts. Deliberately
#: narrow: a miss leaves the cell masked (as before), a false match teaches a wrong positive.
_STATED_RISK = re.compile(
    r"\b(?:"
    r"kill(?:ing)? my ?self|end(?:ing)? (?:my (?:own )?life|it all|everything|myself)|"
    r"take my (?:own )?life|i(?:'?m| am) (?:so |very |really |actively )?suicidal|"
    r"(?:want|wanna|going|ready|planning|plan|deserve) to die|"
    r"(?:don'?t|do not) want to (?:live|be alive|exist|wake up|be here)|"
    r"no reason to (?:live|stay|keep going)|better off (?:dead|without me)|"
    r"(?:hang|shoot|drown|cut|hurt|harm) my ?self|overdos(?:e|ing)|suicide note|"
    r"(?:my|the) note|(?:this|that) is goodbye|say(?:ing)? goodbye|attempt(?:ed|ing)? suicide"
    r")\b",
    re.IGNORECASE,
)
_NEWS = re.compile(r"\b(?:according to|study|studies|research|statistics|article|news)\b",
                   re.IGNORECASE)


def ending_states_risk(text: str) -> bool:
    """True when ``text`` (a post's ending) states its author's own risk on its own."""
    if negated_crisis(text) or _NEWS.search(text):
        return False
    return bool(_STATED_RISK.search(text)) or evasive_crisis(text)
