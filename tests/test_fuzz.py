"""Property-based fuzzing of loader, validator and the whole pipeline (issue 9).

A bounded budget for CI (about 20 s); benchmarks/fuzz.py runs the same property on
5,000 files. Property: a located Vietnamese message or success, never anything else.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import GOOD, SNIPPETS, examine, mutate, scratch

LINES = GOOD.splitlines()
BUDGET = int(os.environ.get("FUZZ_EXAMPLES", "300"))

edit = st.tuples(
    st.integers(0, 4),
    st.integers(0, 10_000),
    st.integers(0, 200),
    st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=12)),
)


@settings(
    max_examples=BUDGET,
    deadline=None,
    derandomize=True,  # the same cases on every CI run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(edit, min_size=1, max_size=4))
def test_any_mutation_gives_a_located_message_or_success(edits: list) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        source = scratch(Path(tmp) / "in", mutate(LINES, edits))
        verdict = examine(source, Path(tmp) / "out" / "hop", ("html", "md"))
    assert not verdict.bugs, verdict.bugs
