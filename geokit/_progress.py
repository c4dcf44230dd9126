"""Progress bars for long operations (off unless the caller or the CLI turns them on)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


def progress_iter(items: Iterable[T], *, total: int | None = None, enabled: bool = False,
                  desc: str = "", min_items: int = 2000, unit: str = "name") -> Iterator[T]:
    """Wrap ``items`` in a tqdm bar when enabled and the work is long enough to need one."""
    if not enabled or (total is not None and total < min_items):
        yield from items
        return
    from tqdm.auto import tqdm

    yield from tqdm(items, total=total, desc=desc, unit=unit)


class _Stages:
    """Advance a stage bar: ``stage("maps")`` marks the previous stage done, names the next."""

    def __init__(self, bar) -> None:
        self._bar, self._current = bar, None

    def __call__(self, name: str) -> None:
        if self._bar is None or name == self._current:
            return
        if self._current is not None:
            self._bar.update(1)
        self._current = name
        self._bar.set_description(name)


@contextmanager
def stage_bar(stages: Sequence[str], *, enabled: bool = False, desc: str = "") -> Iterator[_Stages]:
    """A bar over the named stages of one long operation (a no-op unless enabled)."""
    if not enabled:
        yield _Stages(None)
        return
    from tqdm.auto import tqdm

    bar = tqdm(total=len(stages), desc=desc or stages[0], unit="stage")
    try:
        yield _Stages(bar)
        bar.update(bar.total - bar.n)
    finally:
        bar.close()
