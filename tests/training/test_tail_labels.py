"""The rule that gives a public crisis post's ending its post's label back
(training.tail_labels)."""

from __future__ import annotations

import pytest

from training.tail_labels import ending_states_risk


@pytest.mark.parametrize("ending", [
    "and that is why i am going to kill myself this weekend",
    "i just want to die, i'm so done",
    "i wrote my note and i am ready to end it all",
    "nobody would notice. kms",
    "i'm suicidal and i don't know who else to tell",
])
def test_an_ending_that_states_the_authors_risk_fires(ending):
    assert ending_states_risk(ending)


@pytest.mark.parametrize("ending", [
    "anyway, thanks for reading this far, it helped to write it down",
    "i'm not suicidal, i just feel empty most days",
    "according to a study, suicide rates rose again last year",
    "i would never hurt myself, i just need to vent",
    "this exam is killing me lol",
])
def test_an_ending_without_a_stated_risk_does_not(ending):
    assert not ending_states_risk(ending)
