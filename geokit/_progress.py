"""Progress bars for long operations (off unless the caller or the CLI turns them on)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress_iter(items: Iterable[T], *, total: int | None = None, enabled: bool = False,
                  desc: str = "", min_items: int = 2000) -> Iterator[T]:
    """Wrap ``items`` in a tqdm bar when enabled and the work is long enough to need one."""
    if not enabled or (total is not None and total < min_items):
        yield from items
        return
    from tqdm.auto import tqdm

    yield from tqdm(items, total=total, desc=desc, unit="name")
